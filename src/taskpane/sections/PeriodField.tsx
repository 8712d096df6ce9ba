/**
 * "Kỳ số liệu": the period of a portal export's figures (năm, quý, tháng, or not known). Shown as the file
 * says it when it does; chosen here when it does not, since the award needs a year's figures and a
 * month's taken for them would propose the wrong units.
 */
import { Dropdown, Field, makeStyles, Option } from "@fluentui/react-components";
import type { RunResult } from "../../core/run";
import type { PeriodKind } from "../../core/sources/types";
import type { AssessmentOptions } from "../port";

/** The label a period chosen here carries, so that it is told apart from one the file states. */
export const CHOSEN_PERIOD = "chọn trong mục “Kỳ số liệu”";

const KINDS: PeriodKind[] = ["năm", "quý", "tháng"];
const UNKNOWN = "Không rõ";
const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);

const useStyles = makeStyles({
  field: { maxWidth: "420px" },
  dropdown: { minWidth: 0, width: "100%" },
});

interface PeriodFieldProps {
  result: RunResult | undefined;
  value: AssessmentOptions;
  disabled: boolean;
  onChange: (next: AssessmentOptions) => void;
}

export function PeriodField({ result, value, disabled, onChange }: PeriodFieldProps) {
  const styles = useStyles();
  const sources = result?.sources ?? [];
  const stated = sources.find((s) => s.period && s.period.label !== CHOSEN_PERIOD)?.period;
  const chosen = value.sourceSettings?.period?.kind;
  const shown = stated?.kind ?? chosen;
  const hint =
    sources.length === 0
      ? "Bảng theo dõi của cơ quan: kỳ số liệu là kỳ cán bộ đã nhập (khen thưởng xét số liệu cả năm)."
      : stated
        ? `Tệp ghi rõ: kỳ ${stated.kind}${stated.label ? ` (“${stated.label}”)` : ""}.`
        : chosen
          ? `Kỳ ${chosen} do bạn chọn: ghi vào trang “Tổng hợp” và công văn.`
          : "Tệp không ghi rõ kỳ số liệu: hãy kiểm tra rồi chọn ở đây; khen thưởng cần số liệu cả năm.";
  const warn = sources.length > 0 && (shown === undefined || shown !== "năm");
  return (
    <Field
      label="Kỳ số liệu"
      className={styles.field}
      hint={warn ? undefined : hint}
      validationState={warn ? "warning" : "none"}
      validationMessage={warn ? hint : undefined}
    >
      <Dropdown
        className={styles.dropdown}
        value={shown ? upperFirst(shown) : UNKNOWN}
        selectedOptions={[shown ?? ""]}
        disabled={disabled || stated !== undefined || sources.length === 0}
        onOptionSelect={(_, data) => {
          const kind = (data.optionValue || undefined) as PeriodKind | undefined;
          if (kind === chosen) return;
          onChange({
            ...value,
            sourceSettings: kind
              ? { ...value.sourceSettings, period: { kind, label: CHOSEN_PERIOD } }
              : undefined,
          });
        }}
      >
        <Option value="">{UNKNOWN}</Option>
        {KINDS.map((kind) => (
          <Option key={kind} value={kind}>
            {upperFirst(kind)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
