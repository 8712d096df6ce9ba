/**
 * "Công văn": the letter's settings (the settings rows of the "Tiêu chí" sheet), the summary sheet that
 * carries the draft letter, and the letter itself (a .docx, or that sheet where no file can be saved; in
 * Excel the sheet is offered beside the download too, for a pane whose downloads are blocked).
 */
import { Button, Caption1, Field, Input, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import { DocumentText20Regular, Save20Regular, TableSearch20Regular } from "@fluentui/react-icons";
import type { LetterSettings, Signer } from "../../core/settings";
import { dateError, withDateText, type Draft } from "../criteria-draft";
import type { Notice } from "../pane-state";
import { LETTER_ACTION } from "../letter-delivery";
import { DraftErrors } from "./DraftErrors";
import { LetterButton, type LetterAction } from "./LetterButton";
import { SectionNotice } from "./SectionNotice";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  pair: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    alignItems: "start",
    gap: tokens.spacingHorizontalS,
  },
  // Fluent inputs keep a minimum width of their own: in a narrow pane they must shrink with their column.
  input: { minWidth: 0, width: "100%" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
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

type TextKey = "number" | "symbol" | "replyDeadline" | "recipient";

export function LetterSection(props: LetterSectionProps) {
  const styles = useStyles();
  const { draft } = props;
  if (!draft) return <Caption1>Cài đặt công văn hiện ra khi đã đọc được sổ tính.</Caption1>;
  const letter = draft.settings.letter;
  const setLetter = (change: Partial<LetterSettings>) =>
    props.onChange({ ...draft, settings: { ...draft.settings, letter: { ...letter, ...change } } });
  const setSigner = (change: Partial<Signer>) => setLetter({ signer: { ...letter.signer, ...change } });
  const text = (key: TextKey, label: string, hint?: string) => {
    const error = key === "replyDeadline" ? dateError(letter.replyDeadline) : undefined;
    return (
      <Field label={label} hint={hint} validationMessage={error} validationState={error ? "error" : "none"}>
        <Input
          className={styles.input}
          value={letter[key]}
          disabled={props.saving}
          onChange={(_, data) => setLetter({ [key]: data.value })}
        />
      </Field>
    );
  };
  const signer = (key: keyof Signer, label: string) => (
    <Field label={label}>
      <Input
        className={styles.input}
        value={letter.signer[key]}
        disabled={props.saving}
        onChange={(_, d) => setSigner({ [key]: d.value })}
      />
    </Field>
  );

  return (
    <>
      <Caption1>
        Các mục này là phần “Cài đặt” của trang “Tiêu chí” trong sổ tính; dự thảo công văn ở trang “Tổng hợp”
        dùng bản đã lưu.
      </Caption1>
      <div className={styles.form}>
        <div className={styles.pair}>
          {text("number", "Số văn bản", "Để trống đến khi vào sổ")}
          {text("symbol", "Ký hiệu")}
        </div>
        <div className={styles.pair}>
          <Field
            label="Ngày ban hành"
            hint="dd/mm/yyyy"
            validationMessage={dateError(draft.dateText)}
            validationState={dateError(draft.dateText) ? "error" : "none"}
          >
            <Input
              className={styles.input}
              value={draft.dateText}
              disabled={props.saving}
              onChange={(_, data) => props.onChange(withDateText(draft, data.value))}
            />
          </Field>
          {text("replyDeadline", "Hạn phản hồi", "dd/mm/yyyy")}
        </div>
        {text("recipient", "Kính gửi")}
        {signer("authority", "Quyền hạn người ký")}
        {signer("title", "Chức vụ người ký")}
        {signer("name", "Họ tên người ký")}
        <Field label="Nơi nhận" hint="Mỗi dòng một nơi nhận">
          <Textarea
            resize="vertical"
            rows={4}
            value={letter.distribution.join("\n")}
            disabled={props.saving}
            onChange={(_, data) => setLetter({ distribution: data.value.split("\n") })}
          />
        </Field>
      </div>
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
