/** One column of the mapping: a list of the table's columns and a button that takes the selected cell's. */
import { Button, Dropdown, Field, makeStyles, Option, tokens, Tooltip } from "@fluentui/react-components";
import { CursorClick20Regular } from "@fluentui/react-icons";
import type { TableLayout } from "../../core/reader/table";
import { columnChoices, columnOf, type MappingFieldSpec } from "../column-mapping";

const NONE = "";
const NONE_TEXT = "(không có)";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
  dropdown: { minWidth: 0, width: "100%" },
  // Long headers stay on one line, cut with "…"; the whole text is in the title and in the list.
  text: { minWidth: 0, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
});

interface ColumnPickerProps {
  spec: MappingFieldSpec;
  layout: TableLayout;
  disabled: boolean;
  onChange: (col: number | undefined) => void;
  /** Absent where there is no selection to take the column from (a file in the page). */
  onPickFromSelection?: () => void;
}

export function ColumnPicker({ spec, layout, disabled, onChange, onPickFromSelection }: ColumnPickerProps) {
  const styles = useStyles();
  const choices = columnChoices(layout);
  const current = columnOf(layout, spec.field);
  const chosen = choices.find((c) => c.col === current);
  const pickLabel = `Dùng vùng đang chọn cho cột “${spec.label}”`;
  return (
    <div className={styles.row}>
      <Field label={spec.label} className={styles.field}>
        <Dropdown
          className={styles.dropdown}
          button={{
            title: chosen?.text,
            children: <span className={styles.text}>{chosen?.text ?? NONE_TEXT}</span>,
          }}
          value={chosen?.text ?? NONE_TEXT}
          selectedOptions={[current === undefined ? NONE : String(current)]}
          disabled={disabled}
          onOptionSelect={(_, data) => {
            const value = data.optionValue ?? NONE;
            const col = value === NONE ? undefined : Number(value);
            if (col !== current) onChange(col);
          }}
        >
          {spec.clearable && (
            <Option value={NONE} text={NONE_TEXT}>
              {NONE_TEXT}
            </Option>
          )}
          {choices.map((choice) => (
            <Option key={choice.col} value={String(choice.col)} text={choice.text}>
              {choice.text}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {onPickFromSelection && (
        <Tooltip content="Dùng vùng đang chọn" relationship="description">
          <Button
            aria-label={pickLabel}
            icon={<CursorClick20Regular />}
            disabled={disabled}
            onClick={onPickFromSelection}
          />
        </Tooltip>
      )}
    </div>
  );
}
