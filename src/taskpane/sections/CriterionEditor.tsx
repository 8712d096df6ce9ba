/**
 * One criterion as the user edits it: its points; for a threshold the comparison and the threshold; for
 * tiers the tiers as typed; what units it does not fit get; whether it needs evidence.
 */
import {
  Body1Strong,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  tokens,
} from "@fluentui/react-components";
import { useId } from "react";
import { OPERATOR_SYMBOLS, type Criterion, type Operator, type WhenNotApplicable } from "../../core/criteria";
import { NOT_APPLICABLE_LABELS } from "../../core/criteria-sheet/schema";
import { describeCriterion } from "../../core/report";
import { formatNumberVi } from "../../core/numbers";
import {
  criterionError,
  criterionOf,
  pointsError,
  thresholdError,
  tiersError,
  type CriterionDraft,
} from "../criteria-draft";

const OPERATOR_WORDS: Record<Operator, string> = {
  ">": "lớn hơn (“trên”)",
  ">=": "lớn hơn hoặc bằng (“từ … trở lên”)",
  "=": "bằng",
  "<=": "nhỏ hơn hoặc bằng",
  "<": "nhỏ hơn",
};
const OPERATORS = Object.keys(OPERATOR_WORDS) as Operator[];
const WHEN_NOT_APPLICABLE: { value: WhenNotApplicable; words: string }[] = [
  { value: "exclude", words: "không tính (bớt điểm tối đa của đơn vị)" },
  { value: "full", words: "đủ điểm" },
];

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
  tiers: { width: "16em", minWidth: 0 },
  when: { width: "9em", minWidth: "9em" },
  operator: { width: "5em", minWidth: "5em" },
  rule: { color: tokens.colorNeutralForeground3 },
});

interface CriterionEditorProps {
  value: CriterionDraft;
  disabled: boolean;
  onChange: (next: CriterionDraft) => void;
}

/** The criterion with "Cần minh chứng" on, or without the key at all (as the sheet reads a blank cell). */
function withEvidence(criterion: Criterion, needed: boolean): Criterion {
  const copy = { ...criterion };
  if (needed) copy.needsEvidence = true;
  else delete copy.needsEvidence;
  return copy;
}

/** The rule in words as it stands in the draft, or nothing while a number is half typed. */
function ruleText(value: CriterionDraft): string | undefined {
  if (criterionError(value)) return undefined;
  const criterion = criterionOf(value);
  return `${formatNumberVi(criterion.points)} điểm khi ${describeCriterion(criterion)}`;
}

export function CriterionEditor({ value, disabled, onChange }: CriterionEditorProps) {
  const styles = useStyles();
  const headingId = useId();
  const { criterion } = value;
  const pointsMessage = pointsError(value.points);
  const thresholdMessage = criterion.kind === "threshold" ? thresholdError(value.threshold) : undefined;
  const tiersMessage =
    criterion.kind === "tiers" && !pointsMessage ? tiersError(value.tiers, value.points) : undefined;
  const when = criterion.whenNotApplicable ?? "exclude";
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
        {criterion.kind === "tiers" && (
          <Field
            label="Các bậc"
            hint="Ví dụ: ≥ 90: 30; > 80: 20; ≥ 70: 10"
            validationMessage={tiersMessage}
            validationState={tiersMessage ? "error" : "none"}
          >
            <Input
              className={styles.tiers}
              value={value.tiers}
              disabled={disabled}
              onChange={(_, data) => onChange({ ...value, tiers: data.value })}
            />
          </Field>
        )}
        {criterion.appliesTo.length > 0 && (
          <Field label="Khi không áp dụng">
            <Dropdown
              className={styles.when}
              value={NOT_APPLICABLE_LABELS[when]}
              selectedOptions={[when]}
              disabled={disabled}
              onOptionSelect={(_, data) =>
                onChange({
                  ...value,
                  criterion: { ...criterion, whenNotApplicable: data.optionValue as WhenNotApplicable },
                })
              }
            >
              {WHEN_NOT_APPLICABLE.map((option) => (
                <Option key={option.value} value={option.value} text={NOT_APPLICABLE_LABELS[option.value]}>
                  {option.words}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
      </div>
      <Checkbox
        label="Cần minh chứng hoặc giải trình (không có thì 0 điểm)"
        checked={criterion.needsEvidence === true}
        disabled={disabled}
        onChange={(_, data) =>
          onChange({ ...value, criterion: withEvidence(criterion, data.checked === true) })
        }
      />
      {rule && <Caption1 className={styles.rule}>{rule}</Caption1>}
      {criterion.appliesTo.length > 0 && (
        <Caption1 className={styles.rule}>Chỉ áp dụng cho khối: {criterion.appliesTo.join("; ")}</Caption1>
      )}
    </div>
  );
}
