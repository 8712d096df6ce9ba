/** Why the adapter did not write, or stopped writing, told in Vietnamese for the task pane. */
import { UserFacingError } from "../core/problems";

/** Found before anything was written: the workbook is left as it was. */
export class WriteBlockedError extends UserFacingError {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(
      `Chưa ghi gì vào sổ tính vì: ${problems.join(" ")} Sau khi xử lý, hãy chạy lại chức năng tính điểm.`.normalize(
        "NFC",
      ),
    );
    this.name = "WriteBlockedError";
    this.problems = problems;
  }
}

/** A request failed after others had been applied: says what is in the workbook now. */
export class WriteFailedError extends UserFacingError {
  /** What the requests that completed wrote. */
  readonly written: string[];
  /** What the failed request was writing: Excel may have applied part of it. */
  readonly partial: string[];

  constructor(written: string[], partial: string[], cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const done =
      written.length > 0 ? ` Đã ghi xong: ${written.join("; ")}.` : " Chưa có phần nào được ghi xong.";
    const maybe = partial.length > 0 ? ` Có thể đã ghi một phần: ${partial.join("; ")}.` : "";
    super(
      `Ghi kết quả vào sổ tính bị dừng giữa chừng (${reason}).${done}${maybe} Hãy kiểm tra các phần trên rồi chạy lại.`.normalize(
        "NFC",
      ),
      { cause },
    );
    this.name = "WriteFailedError";
    this.written = written;
    this.partial = partial;
  }
}
