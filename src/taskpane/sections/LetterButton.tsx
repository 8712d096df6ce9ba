/**
 * The letter's button, beside the scored file's download and in "Công văn". Its words say what it does
 * in this host: a .docx is saved, or (Excel on Mac) the summary sheet that holds the letter is shown.
 * Where a file can be saved, "Tải bộ hồ sơ (.zip)" stands beside it: the letter, the list of collectives
 * and the tờ trình, zipped in the page.
 */
import { Button } from "@fluentui/react-components";
import { DocumentArrowDown20Regular, DocumentText20Regular, FolderZip20Regular } from "@fluentui/react-icons";
import { LETTER_ACTION, type LetterDelivery } from "../letter-delivery";

export const DOSSIER_ACTION = "Tải bộ hồ sơ (.zip)";

export interface LetterAction {
  delivery: LetterDelivery;
  run: () => void;
  /** Saves the dossier; absent where no file can be saved. */
  dossier?: () => void;
  /** Where the letter is a download: the summary sheet instead, for a pane whose downloads are blocked. */
  inSheet?: () => void;
}

export function LetterButton({ action, className }: { action: LetterAction; className?: string }) {
  const Icon = action.delivery === "file" ? DocumentArrowDown20Regular : DocumentText20Regular;
  return (
    <>
      <Button className={className} icon={<Icon />} onClick={action.run}>
        {LETTER_ACTION[action.delivery]}
      </Button>
      {action.dossier && (
        <Button className={className} icon={<FolderZip20Regular />} onClick={action.dossier}>
          {DOSSIER_ACTION}
        </Button>
      )}
    </>
  );
}
