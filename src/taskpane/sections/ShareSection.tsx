/**
 * "Giá trị để chia sẻ": the output columns hold plain values by default, so that a recipient without the
 * add-in sees the same numbers. The switch writes =KSTTHC.DIEM(…) formulas instead, which recalculate
 * with the add-in; the choice applies to the next "Tính điểm" from the pane. Where Excel has no custom
 * functions there is no switch, only the reason.
 */
import { Caption1, Switch } from "@fluentui/react-components";

interface ShareSectionProps {
  formulas: boolean;
  /** Off while a scoring run is writing. */
  disabled: boolean;
  /** In Excel, where the ribbon has a "Tính điểm" of its own (which always writes values). */
  inExcel: boolean;
  /** Why formulas cannot be written here (an Excel without custom functions): no switch, the reason. */
  unavailable?: string;
  onChange: (formulas: boolean) => void;
}

export function ShareSection({ formulas, unavailable, disabled, inExcel, onChange }: ShareSectionProps) {
  const values = (
    <Caption1>
      Mặc định, các cột điểm, xếp loại và đề xuất được ghi dưới dạng giá trị, không phải công thức: người nhận
      tệp không cài phần bổ trợ vẫn thấy đúng các con số, và màu tô các đơn vị đề xuất là định dạng có điều
      kiện sẵn có của Excel.
    </Caption1>
  );
  if (unavailable) {
    return (
      <>
        {values}
        <Caption1>{unavailable}</Caption1>
      </>
    );
  }
  return (
    <>
      {values}
      <Switch
        checked={formulas}
        disabled={disabled}
        label="Ghi công thức thay cho giá trị"
        aria-describedby="kstthc-formulas-note"
        onChange={(_, data) => onChange(data.checked)}
      />
      <Caption1 id="kstthc-formulas-note">
        Khi bật, các ô được ghi bằng công thức =KSTTHC.DIEM(…), =SUM(…), =KSTTHC.XEPLOAI(…) và
        =KSTTHC.DEXUAT(…) theo trang “Tiêu chí”, tự tính lại khi số liệu hoặc tiêu chí thay đổi. Máy không cài
        phần bổ trợ chỉ thấy các con số đã tính cho đến khi Excel tính lại (có khi ngay lúc mở tệp), sau đó là
        lỗi #NAME?: vì vậy khi gửi tệp cho người khác, hãy để tắt (ghi giá trị). Lựa chọn có hiệu lực từ lần
        bấm “Tính điểm” tiếp theo
        {inExcel ? " trong ngăn này; nút “Tính điểm” trên thanh công cụ luôn ghi giá trị." : "."}
      </Caption1>
    </>
  );
}
