/** The emulation settings of a province's own table: the "Xếp loại thi đua" rows and the two yes/no settings. */
import {
  Body1Strong,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { Add20Regular, Delete20Regular } from "@fluentui/react-icons";
import { useId } from "react";
import { EMULATION_RATINGS_LABEL } from "../../core/criteria-sheet/schema";
import {
  isYes,
  minShareError,
  minTotalError,
  ratingLabelError,
  withRatingAdded,
  withRatingEdited,
  withRatingRemoved,
  withYesNo,
  YES_NO_ROWS,
  type Draft,
  type RatingDraft,
} from "../criteria-draft";

const useStyles = makeStyles({
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  label: { width: "12em", minWidth: 0 },
  number: { width: "5.5em", minWidth: 0 },
  remove: { alignSelf: "flex-end" },
  add: { alignSelf: "flex-start" },
});

interface EmulationEditorProps {
  draft: Draft;
  disabled: boolean;
  onChange: (draft: Draft) => void;
}

/** The fields of one rating, each with its own message where it cannot be saved. */
function RatingRow(props: {
  n: number;
  value: RatingDraft;
  disabled: boolean;
  onEdit: (field: keyof RatingDraft, text: string) => void;
  onRemove: () => void;
}) {
  const styles = useStyles();
  const { value, disabled, onEdit } = props;
  const fields: { field: keyof RatingDraft; label: string; error: string | undefined; className: string }[] =
    [
      {
        field: "label",
        label: "Tên xếp loại",
        error: ratingLabelError(value.label),
        className: styles.label,
      },
      {
        field: "minTotal",
        label: "Tổng điểm từ",
        error: minTotalError(value.minTotal),
        className: styles.number,
      },
      {
        field: "minShare",
        label: "Mỗi tiêu chí đạt từ (%)",
        error: minShareError(value.minShare),
        className: styles.number,
      },
    ];
  return (
    <div role="group" aria-label={`${EMULATION_RATINGS_LABEL} ${props.n}`} className={styles.row}>
      {fields.map(({ field, label, error, className }) => (
        <Field key={field} label={label} validationMessage={error} validationState={error ? "error" : "none"}>
          <Input
            className={className}
            inputMode={field === "label" ? "text" : "decimal"}
            value={value[field]}
            disabled={disabled}
            onChange={(_, data) => onEdit(field, data.value)}
          />
        </Field>
      ))}
      <Button
        className={styles.remove}
        icon={<Delete20Regular />}
        disabled={disabled}
        aria-label={`Xóa xếp loại ${props.n}`}
        onClick={props.onRemove}
      />
    </div>
  );
}

export function EmulationEditor({ draft, disabled, onChange }: EmulationEditorProps) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <div role="group" aria-labelledby={headingId} className={styles.group}>
      <Body1Strong id={headingId}>{EMULATION_RATINGS_LABEL}</Body1Strong>
      <Caption1>
        Mỗi dòng một mức xếp loại, mức cao nhất trước: đơn vị đạt mức khi tổng điểm từ mức tối thiểu và mỗi
        tiêu chí đạt từ tỷ lệ đó của điểm tối đa. Không có dòng nào thì không xếp loại thi đua.
      </Caption1>
      {draft.ratings.map((rating, i) => (
        <RatingRow
          key={i}
          n={i + 1}
          value={rating}
          disabled={disabled}
          onEdit={(field, text) => onChange(withRatingEdited(draft, i, field, text))}
          onRemove={() => onChange(withRatingRemoved(draft, i))}
        />
      ))}
      <Button
        className={styles.add}
        icon={<Add20Regular />}
        disabled={disabled}
        onClick={() => onChange(withRatingAdded(draft))}
      >
        Thêm xếp loại
      </Button>
      {YES_NO_ROWS.map((row) => (
        <Checkbox
          key={row.label}
          label={row.label}
          checked={isYes(draft, row)}
          disabled={disabled}
          onChange={(_, data) => onChange(withYesNo(draft, row, data.checked === true))}
        />
      ))}
    </div>
  );
}
