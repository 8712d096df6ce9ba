/** Why the draft cannot be saved yet, one line per field. */
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export function DraftErrors({ errors }: { errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Chưa lưu được</MessageBarTitle>
        <ul style={{ margin: 0, paddingLeft: "1.2em" }}>
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
