/**
 * The outcome of the last "Tính điểm" run from the ribbon, for the task pane to show. Kept on the
 * page's global object, not in a module variable: each webpack entry (taskpane, functions, commands)
 * carries its own copy of the modules it imports, but all three share the one page of the runtime.
 */

export type RunStatus =
  | { state: "running"; at: number }
  | { state: "done"; at: number; units: number; proposed: string[]; problems: number }
  | { state: "failed"; at: number; message: string };

/** The DOM event fired on the page whenever the status changes. */
export const RUN_STATUS_EVENT = "kstthc:run-status";
const KEY = "__kstthcRunStatus";

type Holder = { [KEY]?: RunStatus };

export function publishRunStatus(status: RunStatus): void {
  (globalThis as Holder)[KEY] = status;
  if (typeof globalThis.dispatchEvent === "function" && typeof CustomEvent === "function") {
    globalThis.dispatchEvent(new CustomEvent(RUN_STATUS_EVENT, { detail: status }));
  }
}

export function lastRunStatus(): RunStatus | undefined {
  return (globalThis as Holder)[KEY];
}

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
