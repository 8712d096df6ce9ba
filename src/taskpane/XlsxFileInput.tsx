/**
 * The file input behind an "open" button: never seen nor tabbed to (the button is), it takes .xlsx files
 * and is emptied after each choice, so that choosing the same file again (fixed in Excel) opens it again.
 */
import { forwardRef } from "react";

/** The picker's filter; a drop on the web page takes any file, and the reader says what is wrong with it. */
const ACCEPT =
  ".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12";

interface XlsxFileInputProps {
  /** The input's accessible name. */
  label: string;
  multiple?: boolean;
  onFiles: (files: File[]) => void;
}

export const XlsxFileInput = forwardRef<HTMLInputElement, XlsxFileInputProps>(function XlsxFileInput(
  { label, multiple, onFiles },
  ref,
) {
  return (
    <input
      ref={ref}
      type="file"
      multiple={multiple}
      accept={ACCEPT}
      style={{ display: "none" }}
      aria-label={label}
      tabIndex={-1}
      onChange={(event) => {
        const files = Array.from(event.target.files ?? []);
        event.target.value = "";
        if (files.length > 0) onFiles(files);
      }}
    />
  );
});
