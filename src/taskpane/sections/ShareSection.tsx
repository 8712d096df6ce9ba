/**
 * "Giá trị để chia sẻ": the output columns hold plain values, so that a recipient without the add-in sees
 * the same numbers. Writing =KSTTHC.DIEM(…) formulas instead needs the core's plan writer to support it;
 * until it does, the switch is shown off and disabled rather than pretending.
 */
import { Badge, Caption1, makeStyles, Switch, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  row: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

export function ShareSection() {
  const styles = useStyles();
  return (
    <>
      <Caption1>
        Các cột điểm, xếp loại và đề xuất được ghi dưới dạng giá trị, không phải công thức: người nhận tệp
        không cài phần bổ trợ vẫn thấy đúng các con số, và màu tô các đơn vị đề xuất là định dạng có điều kiện
        sẵn có của Excel.
      </Caption1>
      <div className={styles.row}>
        <Switch
          checked={false}
          disabled
          label="Ghi công thức =KSTTHC.DIEM(…) thay cho giá trị"
          aria-describedby="kstthc-formulas-soon"
        />
        <Badge appearance="tint" color="informative" id="kstthc-formulas-soon">
          sắp có
        </Badge>
      </div>
      <Caption1>
        Công thức tự tính lại khi số liệu thay đổi, nhưng máy không cài phần bổ trợ sẽ thấy lỗi #NAME?. Tùy
        chọn này sắp có.
      </Caption1>
    </>
  );
}
