/** The notice of one section, if the last thing the user did there has something to say. */
import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Notice, SectionId } from "../pane-state";

export function SectionNotice({ notice, section }: { notice: Notice | undefined; section: SectionId }) {
  if (!notice || notice.section !== section) return null;
  return (
    // role="status" so that a screen reader announces it without moving the focus.
    <MessageBar intent={notice.intent} role="status">
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  );
}
