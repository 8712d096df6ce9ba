/** One criterion: its points and, for a threshold, the comparison and the threshold, as the user edits them. */
import {
  Body1Strong,
  Caption1,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import { OPERATOR_SYMBOLS, type Operator } from "../../core/criteria";
import { describeCriterion } from "../../core/report";
import { formatNumberVi } from "../../core/numbers";
import { criterionOf, pointsError, thresholdError, type CriterionDraft } from "../criteria-draft";

const OPERATOR_WORDS: Record<Operator, string> = {
  ">": "lớn hơn (“trên”)",
  ">=": "lớn hơn hoặc bằng (“từ … trở lên”)",
  "=": "bằng",
  "<=": "nhỏ hơn hoặc bằng",
  "<": "nhỏ hơn",
};
const OPERATORS = Object.keys(OPERATOR_WORDS) as Operator[];

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  fields: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  number: { width: "5.5em", minWidth: 0 },
  operator: { width: "5em", minWidth: "5em" },
  rule: { color: tokens.colorNeutralForeground3 },
});

interface CriterionEditorProps {
  value: CriterionDraft;
  disabled: boolean;
  onChange: (next: CriterionDraft) => void;
}

/** The rule in words as it stands in the draft, or nothing while a number is half typed. */
function ruleText(value: CriterionDraft): string | undefined {
  if (pointsError(value.points) || (value.criterion.kind === "threshold" && thresholdError(value.threshold)))
    return undefined;
  const criterion = criterionOf(value);
  return `${formatNumberVi(criterion.points)} điểm khi ${describeCriterion(criterion)}`;
}

export function CriterionEditor({ value, disabled, onChange }: CriterionEditorProps) {
  const styles = useStyles();
  const headingId = useId();
  const { criterion } = value;
  const pointsMessage = pointsError(value.points);
  const thresholdMessage = criterion.kind === "threshold" ? thresholdError(value.threshold) : undefined;
  const operator = criterion.operator ?? ">=";
  const rule = ruleText(value);
  return (
    <div role="group" aria-labelledby={headingId} className={styles.group}>
      <Body1Strong id={headingId}>
        {criterion.code} · {criterion.title || "(chưa đặt tên)"}
      </Body1Strong>
      <div className={styles.fields}>
        <Field
          label="Điểm tối đa"
          validationMessage={pointsMessage}
          validationState={pointsMessage ? "error" : "none"}
        >
          <Input
            className={styles.number}
            inputMode="decimal"
            value={value.points}
            disabled={disabled}
            onChange={(_, data) => onChange({ ...value, points: data.value })}
          />
        </Field>
        {criterion.kind === "threshold" && (
          <>
            <Field label="So sánh">
              <Dropdown
                className={styles.operator}
                value={OPERATOR_SYMBOLS[operator]}
                selectedOptions={[operator]}
                disabled={disabled}
                onOptionSelect={(_, data) =>
                  onChange({ ...value, criterion: { ...criterion, operator: data.optionValue as Operator } })
                }
              >
                {OPERATORS.map((op) => (
                  <Option key={op} value={op} text={OPERATOR_SYMBOLS[op]}>
                    {`${OPERATOR_SYMBOLS[op]}  ${OPERATOR_WORDS[op]}`}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field
              label="Ngưỡng"
              validationMessage={thresholdMessage}
              validationState={thresholdMessage ? "error" : "none"}
            >
              <Input
                className={styles.number}
                inputMode="decimal"
                value={value.threshold}
                disabled={disabled}
                onChange={(_, data) => onChange({ ...value, threshold: data.value })}
              />
            </Field>
          </>
        )}
      </div>
      {rule && <Caption1 className={styles.rule}>{rule}</Caption1>}
      {criterion.appliesTo.length > 0 && (
        <Caption1 className={styles.rule}>Chỉ áp dụng cho khối: {criterion.appliesTo.join("; ")}</Caption1>
      )}
    </div>
  );
}
