/**
 * @jest-environment jsdom
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import type { Problem } from "../../src/core/problems";
import { ProblemList } from "../../src/taskpane/sections/ProblemList";
import { installFluentStandIns } from "./dom-stubs";

beforeAll(installFluentStandIns);

const blank = (row: number, unit: string): Problem => ({
  sheet: "Theo dõi",
  row,
  column: "D",
  level: "warning",
  message: `Trang “Theo dõi”, dòng ${row}, cột D: “${unit}” chưa có số liệu cho tiêu chí III, tính 0 điểm.`,
});

describe("the problem list", () => {
  it("lists a level's problems kind by kind, with the count of each kind", () => {
    const letter: Problem = {
      sheet: "Tổng hợp",
      level: "warning",
      message: "Công văn còn thiếu: số Quyết định.",
    };
    const problems = [
      blank(5, "Sở số 1"),
      letter,
      ...Array.from({ length: 24 }, (_, i) => blank(6 + i, `Sở số ${i + 2}`)),
      {
        ...blank(40, "Sở Y tế"),
        level: "error" as const,
        message: "Trang “Theo dõi”, dòng 40, cột D: ô có lỗi #N/A.",
      },
    ];
    render(
      <FluentProvider theme={webLightTheme}>
        <ProblemList problems={problems} tableSheet="Theo dõi" onSelect={() => undefined} />
      </FluentProvider>,
    );
    screen.getByRole("heading", { name: "Số liệu cần xem (1 lỗi, 26 cảnh báo)" });
    const warnings = screen.getByRole("group", { name: "Cảnh báo (26)" });
    within(warnings).getByText(
      "Theo loại: Chưa có số liệu cho tiêu chí III, tính … điểm (25); Công văn còn thiếu (1).",
    );
    // A level with one problem of each kind needs no summary.
    expect(within(screen.getByRole("group", { name: "Lỗi (1)" })).queryByText(/^Theo loại/)).toBeNull();
    // The 20 first shown are the blank scores, kept together; the letter's warning comes after its kind.
    fireEvent.click(within(warnings).getByRole("button", { name: "Hiện thêm 6 cảnh báo" }));
    const items = within(warnings)
      .getAllByRole("button")
      .map((b) => b.textContent ?? "");
    expect(items).toHaveLength(26);
    expect(items.slice(0, 25).every((t) => t.includes("chưa có số liệu"))).toBe(true);
    expect(items[25]).toBe("Cảnh báo: Công văn còn thiếu: số Quyết định.");
  });
});
