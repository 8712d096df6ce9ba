/** The sheet of the unit table, chosen from a list: for a file in the page, where no sheet is selected. */
import { Dropdown, Field, makeStyles, Option } from "@fluentui/react-components";

const useStyles = makeStyles({
  field: { maxWidth: "420px" },
  dropdown: { minWidth: 0, width: "100%" },
});

interface SheetPickerProps {
  sheets: string[];
  /** The sheet the table was found on, if it was. */
  current: string | undefined;
  disabled: boolean;
  onChoose: (sheet: string) => void;
}

export function SheetPicker({ sheets, current, disabled, onChoose }: SheetPickerProps) {
  const styles = useStyles();
  return (
    <Field label="Trang có bảng đơn vị" className={styles.field}>
      <Dropdown
        className={styles.dropdown}
        value={current ?? ""}
        placeholder="Chọn trang"
        selectedOptions={current === undefined ? [] : [current]}
        disabled={disabled}
        onOptionSelect={(_, data) => {
          if (data.optionValue !== undefined && data.optionValue !== current) onChoose(data.optionValue);
        }}
      >
        {sheets.map((sheet) => (
          <Option key={sheet} value={sheet}>
            {sheet}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
