/** Opening a workbook file in the page: the file's bytes → a file port, or the sentence that says why not. */
import { useCallback, useEffect, useRef, useState } from "react";
import { openFilePort, type FilePort } from "./file-port";
import { messageOf } from "./pane-state";

export type OpenState =
  { state: "idle" } | { state: "opening"; name: string } | { state: "failed"; message: string };

interface OpenedFile {
  /** A new id for each file opened, so that the pane starts afresh. */
  id: number;
  port: FilePort;
}

/** What to say when a file cannot be opened; WorkbookPackage.open's UnusableInputError says it best. */
export function openErrorMessage(error: unknown): string {
  // The ExcelJS chunk is fetched on the first open: a server that lost it, or a dropped connection.
  if (error instanceof Error && error.name === "ChunkLoadError") {
    return "Không tải được phần đọc tệp Excel của trang (xlsx.js). Hãy tải lại trang rồi mở tệp lần nữa.";
  }
  return messageOf(error);
}

export function useFileOpener() {
  const [opened, setOpened] = useState<OpenedFile>();
  const [status, setStatus] = useState<OpenState>({ state: "idle" });
  // A file chosen while another is still being read wins: the earlier one is dropped when it arrives.
  const ticket = useRef(0);
  // The file on screen, let go when another replaces it (its worker holds the whole workbook).
  const current = useRef<FilePort>();
  useEffect(() => () => current.current?.close(), []);

  const open = useCallback(async (file: File) => {
    const mine = ++ticket.current;
    const name = file.name.normalize("NFC");
    setStatus({ state: "opening", name });
    try {
      const port = await openFilePort(name, new Uint8Array(await file.arrayBuffer()));
      if (mine !== ticket.current) {
        port.close();
        return;
      }
      current.current?.close();
      current.current = port;
      setOpened({ id: mine, port });
      setStatus({ state: "idle" });
    } catch (error) {
      if (mine === ticket.current) setStatus({ state: "failed", message: openErrorMessage(error) });
    }
  }, []);

  /** Forgets a refusal once it no longer applies (the open file has been scored since). */
  const clearFailure = useCallback(
    () => setStatus((current) => (current.state === "failed" ? { state: "idle" } : current)),
    [],
  );

  return { opened, status, open, clearFailure };
}
