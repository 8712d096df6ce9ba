import type { Problem } from "../../src/core/problems";
import { problemKinds } from "../../src/taskpane/problem-kinds";

const warning = (message: string): Problem => ({ sheet: "Theo dõi", level: "warning", message });

describe("problems told apart by kind", () => {
  it("puts the same sentence about other units, rows and figures together, in order of first appearance", () => {
    const problems = [
      warning(
        "Trang “Theo dõi”, dòng 12, cột D: “Sở Tài chính” chưa có số liệu cho tiêu chí III, tính 0 điểm.",
      ),
      warning("Công văn còn thiếu: số Quyết định kế hoạch, ngày ký."),
      warning("Trang “Theo dõi”, dòng 30, cột D: “Sở Y tế” chưa có số liệu cho tiêu chí III, tính 0 điểm."),
      warning("Trang “Theo dõi”, dòng 31, cột E: “Sở Y tế” chưa có số liệu cho tiêu chí IV.9, tính 0 điểm."),
      warning(
        "Trang “Theo dõi”, dòng 40, cột B: “Sở Xây dựng” nằm ở dòng đang bị ẩn hoặc bị lọc; đơn vị vẫn được tính điểm.",
      ),
    ];
    const kinds = problemKinds(problems);
    expect(kinds.map((k) => [k.label, k.problems.length])).toEqual([
      ["Chưa có số liệu cho tiêu chí III, tính 0 điểm", 2],
      ["Công văn còn thiếu", 1],
      ["Chưa có số liệu cho tiêu chí IV.9, tính 0 điểm", 1],
      ["Nằm ở dòng đang bị ẩn hoặc bị lọc", 1],
    ]);
    expect(kinds[0].problems).toEqual([problems[0], problems[2]]);
    expect(kinds.flatMap((k) => k.problems)).toHaveLength(problems.length);
  });

  it("keeps the numbers and names its problems share, and says “…” only where they differ", () => {
    const source = (unit: string, row: number): Problem =>
      warning(
        `Tệp “bieu.xlsx”, trang “Biểu”, dòng ${row}: Biểu số II.07b/VPCP/KSTT, đơn vị “${unit}” không có trong bảng theo dõi (trang “Theo dõi 2025”), số liệu không được dùng.`,
      );
    const [kind] = problemKinds([source("Sở A", 5), source("Sở B", 6)]);
    expect(kind.label).toBe(
      "Biểu số II.07b/VPCP/KSTT, đơn vị “…” không có trong bảng theo dõi (trang “Theo dõi 2025”), số liệu không được dùng",
    );
    expect(problemKinds([source("Sở A", 5)])[0].label).toContain("đơn vị “Sở A” không");
  });
});
