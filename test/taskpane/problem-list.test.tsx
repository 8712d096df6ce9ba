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
  it("lists a level's problems kind by kind; a kind repeated many times is one line with its count that opens", () => {
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
    // 25 alike are one line with their count, closed: the letter's warning is in sight beside it.
    const kind = within(warnings).getByRole("button", {
      name: "Cảnh báo: Chưa có số liệu cho tiêu chí III, tính 0 điểm (25)",
    });
    expect(kind.getAttribute("aria-expanded")).toBe("false");
    const closed = within(warnings)
      .getAllByRole("button")
      .map((b) => b.textContent ?? "");
    expect(closed).toEqual([
      "Cảnh báo: Chưa có số liệu cho tiêu chí III, tính 0 điểm (25)",
      "Cảnh báo: Công văn còn thiếu: số Quyết định.",
    ]);
    // A level with one problem of each kind has no line to open.
    const errors = screen.getByRole("group", { name: "Lỗi (1)" });
    expect(
      within(errors)
        .getAllByRole("button")
        .map((b) => b.getAttribute("aria-expanded")),
    ).toEqual([null]);
    // Opened: its first 20, then the rest on demand.
    fireEvent.click(kind);
    expect(kind.getAttribute("aria-expanded")).toBe("true");
    fireEvent.click(within(warnings).getByRole("button", { name: "Hiện thêm 5 cảnh báo" }));
    const items = within(warnings)
      .getAllByRole("button")
      .map((b) => b.textContent ?? "");
    expect(items).toHaveLength(27);
    expect(items.slice(1, 26).every((t) => t.includes("chưa có số liệu"))).toBe(true);
    expect(items[26]).toBe("Cảnh báo: Công văn còn thiếu: số Quyết định.");
  });
});
