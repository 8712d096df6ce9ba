/**
 * The page outside Office: the same pane over a workbook file the user opens (file input or drag and
 * drop), read, scored and saved in the browser. The file never leaves the machine.
 */
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { DocumentTable20Regular, DocumentTableRegular, FolderOpen20Regular } from "@fluentui/react-icons";
import { useRef, useState, type DragEvent } from "react";
import { App } from "./App";
import { useFileOpener, type OpenState } from "./use-file-opener";
import { PaneHeader } from "./PaneHeader";
import { useFocusHere } from "./use-focus-here";
import { XlsxFileInput } from "./XlsxFileInput";

const useStyles = makeStyles({
  page: { position: "relative", minHeight: "100vh" },
  // A pane for a side panel, readable in a full browser window too.
  column: { maxWidth: "760px", marginLeft: "auto", marginRight: "auto" },
  welcome: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    color: tokens.colorNeutralForeground1,
  },
  dropZone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    textAlign: "center",
  },
  zoneIcon: { color: tokens.colorBrandForeground1, fontSize: "48px" },
  fileBar: {
    display: "flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  fileName: {
    outlineStyle: "none",
    flexGrow: 1,
    minWidth: 0,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  overlay: {
    position: "fixed",
    inset: 0,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    padding: tokens.spacingHorizontalXXL,
    backgroundColor: "rgba(255, 255, 255, 0.85)",
    border: `${tokens.strokeWidthThicker} dashed ${tokens.colorBrandStroke1}`,
    color: tokens.colorBrandForeground1,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "center",
    pointerEvents: "none",
    zIndex: 1,
  },
});

const PRIVACY =
  "Tệp được đọc, tính điểm và lưu ngay trong trình duyệt trên máy này; không gửi lên máy chủ nào.";

/** While a file is read, or why it could not be; `kept` names the file that stays open. */
function OpenStatus({ status, kept }: { status: OpenState; kept?: string }) {
  if (status.state === "opening") return <Spinner size="small" label={`Đang mở tệp “${status.name}”…`} />;
  if (status.state === "failed") return <OpenFailed message={status.message} kept={kept} />;
  return null;
}

/** Takes the focus from the file chooser: the user hears at once why nothing opened. */
function OpenFailed({ message, kept }: { message: string; kept?: string }) {
  const here = useFocusHere<HTMLDivElement>(message);
  return (
    <MessageBar intent="error" layout="multiline" ref={here} tabIndex={-1}>
      <MessageBarBody>
        <MessageBarTitle>Không mở được tệp</MessageBarTitle>
        {message}
        {kept && ` Tệp đang mở vẫn là “${kept}”.`}
      </MessageBarBody>
    </MessageBar>
  );
}

function Welcome({ status, onChoose }: { status: OpenState; onChoose: () => void }) {
  const styles = useStyles();
  return (
    <main className={styles.welcome}>
      <PaneHeader />
      <section className={styles.dropZone} aria-label="Mở tệp theo dõi thi đua">
        <DocumentTableRegular className={styles.zoneIcon} aria-hidden />
        <Body1>Kéo thả tệp theo dõi thi đua (.xlsx) vào đây, hoặc</Body1>
        <Button appearance="primary" size="large" icon={<FolderOpen20Regular />} onClick={onChoose}>
          Mở tệp Excel
        </Button>
      </section>
      <OpenStatus status={status} />
      <Caption1>{PRIVACY}</Caption1>
      <Caption1>
        Trong Excel của Microsoft 365, phần bổ trợ KSTTHC chấm điểm ngay trong sổ tính, với cùng kết quả như
        trang này.
      </Caption1>
    </main>
  );
}

function FileBar({ name, status, onChoose }: { name: string; status: OpenState; onChoose: () => void }) {
  const styles = useStyles();
  // A file just opened takes the focus from the button or drop that opened it (FileBar is new with it).
  const opened = useFocusHere<HTMLSpanElement>();
  return (
    <>
      <div className={styles.fileBar} role="group" aria-label="Tệp đang mở">
        <DocumentTable20Regular aria-hidden />
        <span className={styles.fileName} ref={opened} tabIndex={-1}>
          {name}
        </span>
        <Button size="small" icon={<FolderOpen20Regular />} onClick={onChoose}>
          Mở tệp khác
        </Button>
      </div>
      <OpenStatus status={status} kept={name} />
    </>
  );
}

/** Only drags that carry files: text or a link dragged over the page is none of the pane's business. */
const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer.types).includes("Files");

export function WebApp() {
  const styles = useStyles();
  const { opened, status, open, clearFailure } = useFileOpener();
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const choose = () => input.current?.click();

  const dragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!carriesFiles(event)) return;
    // Without this the browser would open the file itself in place of the page.
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  };
  const dragLeave = (event: DragEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  };
  const drop = (event: DragEvent<HTMLDivElement>) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file) void open(file);
  };

  return (
    <div
      className={styles.page}
      onDragEnter={dragOver}
      onDragOver={dragOver}
      onDragLeave={dragLeave}
      onDrop={drop}
    >
      <div className={styles.column}>
        {opened ? (
          <App
            key={opened.id}
            port={opened.port}
            onScored={clearFailure}
            fileBar={<FileBar name={opened.port.file.name} status={status} onChoose={choose} />}
          />
        ) : (
          <Welcome status={status} onChoose={choose} />
        )}
      </div>
      <XlsxFileInput ref={input} label="Chọn tệp Excel (.xlsx)" onFiles={([file]) => void open(file)} />
      {dragging && (
        <div className={styles.overlay} aria-hidden>
          Thả tệp .xlsx vào đây để mở
        </div>
      )}
    </div>
  );
}
