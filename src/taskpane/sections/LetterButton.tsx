/**
 * The letter's button, beside the scored file's download and in "Công văn". Its words say what it does
 * in this host: a .docx is saved, or (Excel on Mac) the summary sheet that holds the letter is shown.
 */
import { Button } from "@fluentui/react-components";
import { DocumentArrowDown20Regular, DocumentText20Regular } from "@fluentui/react-icons";
import { LETTER_ACTION, type LetterDelivery } from "../letter-delivery";

export interface LetterAction {
  delivery: LetterDelivery;
  run: () => void;
  /** Where the letter is a download: the summary sheet instead, for a pane whose downloads are blocked. */
  inSheet?: () => void;
}

export function LetterButton({ action, className }: { action: LetterAction; className?: string }) {
  const Icon = action.delivery === "file" ? DocumentArrowDown20Regular : DocumentText20Regular;
  return (
    <Button className={className} icon={<Icon />} onClick={action.run}>
      {LETTER_ACTION[action.delivery]}
    </Button>
  );
}
