/**
 * "Công văn": the letter's settings (every text, date and list row of the "Tiêu chí" sheet's settings, as
 * its schema declares them, dates checked as the clerk types them), the summary sheet that
 * carries the draft letter, and the letter itself (a .docx, or that sheet where no file can be saved; in
 * Excel the sheet is offered beside the download too, for a pane whose downloads are blocked).
 */
import { Button, Caption1, Field, Input, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import { DocumentText20Regular, Save20Regular, TableSearch20Regular } from "@fluentui/react-icons";
import type { SettingRow } from "../../core/criteria-sheet/schema";
import { defaultSettings } from "../../core/settings";
import {
  dateError,
  isDateRow,
  LETTER_ROWS,
  settingText,
  withSettingText,
  type Draft,
} from "../criteria-draft";
import type { Notice } from "../pane-state";
import { LETTER_ACTION } from "../letter-delivery";
import { DraftErrors } from "./DraftErrors";
import { LetterButton, type LetterAction } from "./LetterButton";
import { SectionNotice } from "./SectionNotice";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Fluent inputs keep a minimum width of their own: in a narrow pane they must shrink with their column.
  input: { minWidth: 0, width: "100%" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  wording: { "& > summary": { cursor: "pointer", marginBottom: tokens.spacingVerticalS } },
});

interface LetterSectionProps {
  draft: Draft | undefined;
  errors: string[];
  dirty: boolean;
  saving: boolean;
  running: boolean;
  notice: Notice | undefined;
  onChange: (draft: Draft) => void;
  onSave: () => void;
  onCreateSummary: () => void;
  /** Absent until the workbook has been read. */
  letter?: LetterAction;
}

/** A few words under a field, where its label alone does not say enough. */
const HINTS: Record<string, string> = {
  "Số văn bản": "Để trống đến khi vào sổ",
  "Văn bản kế hoạch thi đua": "Ví dụ: Quyết định số 568/QĐ-UBND",
  "Văn bản kết quả đánh giá": "Ví dụ: Quyết định số 21/QĐ-UBND",
};

/** Sentences and long texts get a box of several lines. */
const isLong = (row: SettingRow, text: string) =>
  row.kind === "list" || text.length > 60 || row.label.startsWith("Câu");

const DEFAULTS = defaultSettings();
/**
 * The letter's wording (subject, legal bases, sentences with their {placeholders}), told apart from the
 * facts of the year by its default text (a line over 60 letters, or a sentence): decided once from the
 * defaults, so that no field moves while it is typed in.
 */
const isWording = (row: SettingRow) => {
  const value = row.get(DEFAULTS);
  // Letter rows are texts, dates and lists of lines; the schema's value type also covers rating rows.
  const lines = Array.isArray(value) ? value.filter((line) => typeof line === "string") : [String(value)];
  const longest = Math.max(0, ...lines.map((line) => line.length));
  return !isDateRow(row) && (longest > 60 || row.label.startsWith("Câu"));
};
const FACT_ROWS = LETTER_ROWS.filter((row) => !isWording(row));
const WORDING_ROWS = LETTER_ROWS.filter(isWording);

function SettingField({
  row,
  draft,
  saving,
  onChange,
}: {
  row: SettingRow;
  draft: Draft;
  saving: boolean;
  onChange: (draft: Draft) => void;
}) {
  const styles = useStyles();
  const text = settingText(draft, row);
  const error = isDateRow(row) ? dateError(text) : undefined;
  const hint = isDateRow(row)
    ? "ngày/tháng/năm, ví dụ 27/04/2023"
    : row.kind === "list"
      ? "Mỗi dòng một mục"
      : HINTS[row.label];
  const change = (value: string) => onChange(withSettingText(draft, row, value));
  return (
    <Field label={row.label} hint={hint} validationMessage={error} validationState={error ? "error" : "none"}>
      {isLong(row, text) ? (
        <Textarea
          className={styles.input}
          resize="vertical"
          rows={row.kind === "list" ? 4 : 2}
          value={text}
          disabled={saving}
          onChange={(_, data) => change(data.value)}
        />
      ) : (
        <Input
          className={styles.input}
          value={text}
          disabled={saving}
          onChange={(_, data) => change(data.value)}
        />
      )}
    </Field>
  );
}

export function LetterSection(props: LetterSectionProps) {
  const styles = useStyles();
  const { draft } = props;
  if (!draft) return <Caption1>Cài đặt công văn hiện ra khi đã đọc được sổ tính.</Caption1>;
  const field = (row: SettingRow) => (
    <SettingField key={row.label} row={row} draft={draft} saving={props.saving} onChange={props.onChange} />
  );
  return (
    <>
      <Caption1>
        Các mục này là phần “CÀI ĐẶT” của trang “Tiêu chí” trong sổ tính; bấm “Lưu cài đặt” để ghi vào đó. Dự
        thảo công văn ở trang “Tổng hợp” và tệp .docx dùng bản đã lưu.
      </Caption1>
      <div className={styles.form}>{FACT_ROWS.map(field)}</div>
      <details className={styles.wording}>
        <summary>Câu chữ của công văn ({WORDING_ROWS.length} mục, ít khi phải sửa)</summary>
        <div className={styles.form}>{WORDING_ROWS.map(field)}</div>
      </details>
      <DraftErrors errors={props.errors} />
      <SectionNotice notice={props.notice} section="letter" />
      <div className={styles.actions}>
        <Button
          appearance={props.dirty ? "primary" : "secondary"}
          icon={<Save20Regular />}
          disabled={!props.dirty || props.errors.length > 0 || props.saving}
          onClick={props.onSave}
        >
          Lưu cài đặt
        </Button>
        <Button icon={<TableSearch20Regular />} disabled={props.running} onClick={props.onCreateSummary}>
          Tạo trang tổng hợp
        </Button>
        {props.letter && <LetterButton action={props.letter} />}
        {props.letter?.inSheet && (
          <Button icon={<DocumentText20Regular />} onClick={props.letter.inSheet}>
            {LETTER_ACTION.sheet}
          </Button>
        )}
      </div>
      {props.letter?.inSheet && (
        <Caption1>
          Nếu tệp công văn không tải về được (ngăn tác vụ của một số bản Excel chặn việc tải tệp), hãy mở công
          văn trong trang Tổng hợp để in hoặc chép sang Word, hoặc mở sổ tính bằng trang web một tệp
          kstthc.html để tải cùng tệp .docx.
        </Caption1>
      )}
      {props.dirty && (
        <Caption1>Trang tổng hợp và công văn tải về dùng cài đặt đã lưu: hãy lưu trước nếu vừa sửa.</Caption1>
      )}
    </>
  );
}
