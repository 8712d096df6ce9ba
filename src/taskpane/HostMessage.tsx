/** What the page says when it cannot work: opened in another Office application, or an Excel that lacks the APIs. */
import {
  Body1,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle1,
  tokens,
} from "@fluentui/react-components";
import type { HostCheck } from "./host";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

type HostProblem = Exclude<HostCheck, { ok: true } | { reason: "outside-office" }>;

export function HostMessage({ check }: { check: HostProblem }) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Subtitle1 as="h1">Chấm điểm thi đua KSTTHC</Subtitle1>
      {check.reason === "not-excel" ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Hãy mở trang này trong Excel</MessageBarTitle>
            Đây là ngăn KSTTHC của phần bổ trợ KSTTHC cho Excel, không dùng được trong ứng dụng Office này.
            Hãy mở sổ tính theo dõi thi đua bằng Excel (trên máy tính hoặc Excel trên web), rồi trên thẻ Trang
            đầu, nhóm “Thi đua KSTTHC”, bấm “Ngăn KSTTHC”.
          </MessageBarBody>
        </MessageBar>
      ) : (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Phiên bản Excel này chưa chạy được phần bổ trợ</MessageBarTitle>
            Phần bổ trợ cần Excel của Microsoft 365 hoặc Excel trên web. Hãy cập nhật Excel, hoặc mở sổ tính
            bằng Excel trên web.
          </MessageBarBody>
        </MessageBar>
      )}
      {check.reason === "old-excel" && (
        <Caption1>Thiếu bộ giao diện lập trình: {check.missing.join(", ")}.</Caption1>
      )}
      <Body1>
        Không có Excel, vẫn có thể chấm điểm tệp .xlsx: mở trang này bằng trình duyệt web (Edge, Chrome,
        Firefox) rồi chọn tệp, hoặc mở trang KSTTHC một tệp (kstthc.html) mà bộ phận công nghệ thông tin gửi.
      </Body1>
    </main>
  );
}
