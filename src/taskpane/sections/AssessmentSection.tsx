/**
 * "Năm thi đua và mẫu": the assessment year (found in the workbook, or typed here when nothing tells
 * it), the period of a portal export's figures (PeriodField) and the preset of criteria and letter settings for a workbook without a "Tiêu chí" sheet. The
 * letter, its subject and the names of downloads use the year; facts of another year never come in.
 */
import { Caption1, Dropdown, Field, Input, makeStyles, Option } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { PRESETS, type PresetId } from "../../core/presets";
import type { RunResult } from "../../core/run";
import type { AssessmentOptions } from "../port";
import { PeriodField } from "./PeriodField";

const useStyles = makeStyles({
  field: { maxWidth: "420px" },
  year: { maxWidth: "120px" },
  dropdown: { minWidth: 0, width: "100%" },
});

/** The preset chosen by the year: the label the list shows for "no choice". */
const BY_YEAR = "Theo năm thi đua";

/** Where the year came from, as the field's hint says it. */
function yearHint(result: RunResult | undefined): string {
  if (!result) return "";
  if (result.year === null) {
    return "Chưa rõ năm thi đua: nhập năm (ví dụ 2025) để công văn, trích yếu và tên tệp tải về có năm.";
  }
  const where = result.yearWhere ? ` (${result.yearWhere})` : "";
  switch (result.yearSource) {
    case "option":
      return `Năm ${result.year} do bạn nhập.`;
    case "sheet":
      return `Năm ${result.year} theo trang “Tiêu chí”.`;
    case "workbook":
      return `Năm ${result.year} tìm thấy trong sổ tính${where}.`;
    case "file-name":
      return `Năm ${result.year} theo tên tệp${where}.`;
    default:
      return `Năm ${result.year} theo mẫu đã chọn.`;
  }
}

/** "2025" → 2025; "" → undefined (the year found in the workbook); anything else → null (refused). */
export function parseYear(text: string): number | undefined | null {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  if (!/^\d{4}$/.test(trimmed)) return null;
  const year = Number(trimmed);
  return year >= 2000 && year <= 2100 ? year : null;
}

interface AssessmentSectionProps {
  result: RunResult | undefined;
  value: AssessmentOptions;
  disabled: boolean;
  onChange: (next: AssessmentOptions) => void;
}

export function AssessmentSection({ result, value, disabled, onChange }: AssessmentSectionProps) {
  const styles = useStyles();
  const [text, setText] = useState(value.year === undefined ? "" : String(value.year));
  useEffect(() => setText(value.year === undefined ? "" : String(value.year)), [value.year]);
  const parsed = parseYear(text);
  const commit = () => {
    if (parsed === null || parsed === value.year) return;
    onChange({ ...value, year: parsed });
  };
  const fromSheet = result?.criteriaSource === "sheet";
  const chosen = PRESETS.find((p) => p.id === value.preset);
  const inUse = PRESETS.find((p) => p.id === result?.preset);
  return (
    <>
      <Field
        label="Năm thi đua"
        className={styles.field}
        validationState={parsed === null ? "error" : result?.year === null ? "warning" : "none"}
        validationMessage={parsed === null ? "Nhập một năm gồm 4 chữ số, ví dụ 2025." : yearHint(result)}
      >
        <Input
          className={styles.year}
          inputMode="numeric"
          value={text}
          placeholder={result?.year != null ? String(result.year) : "…"}
          disabled={disabled}
          onChange={(_, data) => setText(data.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === "Enter") commit();
          }}
        />
      </Field>
      <PeriodField result={result} value={value} disabled={disabled} onChange={onChange} />
      <Field label="Mẫu tiêu chí" className={styles.field}>
        <Dropdown
          className={styles.dropdown}
          value={chosen?.label ?? BY_YEAR}
          selectedOptions={[chosen?.id ?? ""]}
          disabled={disabled || fromSheet}
          onOptionSelect={(_, data) => {
            const preset = (data.optionValue || undefined) as PresetId | undefined;
            if (preset !== value.preset) onChange({ ...value, preset });
          }}
        >
          <Option value="">{BY_YEAR}</Option>
          {PRESETS.map((preset) => (
            <Option key={preset.id} value={preset.id} text={preset.label}>
              {preset.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Caption1>
        {fromSheet
          ? "Sổ tính đã có trang “Tiêu chí”: tiêu chí và nội dung công văn lấy từ trang này; mẫu chỉ dùng khi chưa có trang."
          : `Đang dùng mẫu “${inUse?.label ?? BY_YEAR}”: ${inUse?.description ?? ""} Số, ngày các văn bản chỉ lấy từ mẫu của đúng năm đó; còn thiếu thì công văn in “…”.`}
      </Caption1>
    </>
  );
}
