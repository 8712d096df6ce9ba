/**
 * The outcome of the last "Tính điểm" run from the ribbon, as the task pane shows it. The ribbon and the
 * pane share the type and its wording here; how the status travels between them is the Excel adapter's
 * (src/excel/run-status-channel.ts).
 */

export type RunStatus =
  | { state: "running"; at: number }
  | { state: "done"; at: number; units: number; proposed: string[]; problems: number }
  | { state: "failed"; at: number; message: string };

/** One line of Vietnamese for the pane. */
export function describeRunStatus(status: RunStatus | undefined): string {
  if (!status) return "Chưa tính điểm trong phiên làm việc này.";
  switch (status.state) {
    case "running":
      return "Đang tính điểm…";
    case "failed":
      return `Không tính được điểm: ${status.message}`;
    case "done": {
      const proposed = status.proposed.length
        ? `đề xuất khen thưởng ${status.proposed.length} đơn vị: ${status.proposed.join(", ")}`
        : "không có đơn vị đủ điều kiện đề xuất";
      const problems = status.problems ? `; ${status.problems} vấn đề về số liệu cần xem` : "";
      return `Đã tính điểm ${status.units} đơn vị, ${proposed}${problems}.`;
    }
  }
}
