/** @jest-environment jsdom */
/**
 * The pane's "Năm thi đua và mẫu": the year asked when nothing tells it, the preset chosen for a
 * workbook without a "Tiêu chí" sheet; both go with every analysis and run, over the real core.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { readFileSync } from "node:fs";
import type { SheetGrid } from "../../src/core/grid";
import { App } from "../../src/taskpane/App";
import { parseYear } from "../../src/taskpane/sections/AssessmentSection";
import { workbookToGrids } from "../exceljs/read";
import { loadWorkbook } from "../exceljs/workbook";
import { SAMPLE } from "../helpers/workbooks";
import { FakePort } from "./fake-port";
import { installFluentStandIns } from "./dom-stubs";

beforeAll(installFluentStandIns);

/** A table that names no year anywhere. */
const NO_YEAR: SheetGrid[] = [
  {
    name: "Bảng",
    values: [
      ["STT", "Tên cơ quan, đơn vị", "Khối", "Điểm 766", "Tỷ lệ một cửa cấp tỉnh", "Tỷ lệ một cửa cấp xã"],
      [1, "Sở Tư pháp", "Sở, ban, ngành", 85, null, null],
      [2, "UBND xã An Phú", "UBND xã, phường, đặc khu", 70, null, null],
      [3, "Thuế tỉnh An Giang", "Cơ quan ngành dọc", null, 100, 100],
    ],
  },
];

function renderPane(port: FakePort) {
  render(
    <FluentProvider theme={webLightTheme}>
      <App port={port} />
    </FluentProvider>,
  );
  fireEvent.click(screen.getByRole("button", { name: "Năm thi đua và mẫu" }));
  return port;
}

const yearBox = () => screen.getByRole("textbox", { name: "Năm thi đua" }) as HTMLInputElement;

describe("the assessment year in the pane", () => {
  it("asks for it when nothing tells it, and sends it with the analysis and the run", async () => {
    const port = renderPane(new FakePort(NO_YEAR));
    await screen.findByText("3 đơn vị");
    expect(screen.getByText(/^Chưa rõ năm thi đua: nhập năm/)).toBeTruthy();
    expect(yearBox().placeholder).toBe("…");

    fireEvent.change(yearBox(), { target: { value: "24" } });
    fireEvent.keyDown(yearBox(), { key: "Enter" });
    expect(screen.getByText("Nhập một năm gồm 4 chữ số, ví dụ 2025.")).toBeTruthy();
    expect(port.analysed).toHaveLength(1);

    fireEvent.change(yearBox(), { target: { value: "2025" } });
    fireEvent.keyDown(yearBox(), { key: "Enter" });
    await screen.findByText("Năm 2025 do bạn nhập.");
    expect(port.analysed.at(-1)).toEqual({ year: 2025 });

    fireEvent.click(screen.getByRole("button", { name: "Tính điểm" }));
    await screen.findByText("Đã tính điểm 3 đơn vị.", { exact: false });
    expect(port.scored[0]).toMatchObject({ year: 2025, output: "values" });
    const summary = port.grids.find((g) => g.name === "Tổng hợp");
    expect(summary?.values[3][0]).toMatch(/năm 2025$/);
    // The letter still lacks the year's decisions: one warning says which.
    expect(screen.getByText(/Công văn còn thiếu: số Quyết định kế hoạch/)).toBeTruthy();
  });

  it("shows where a found year comes from, and a cleared field goes back to it", async () => {
    const titled: SheetGrid[] = [
      { name: "Bảng", values: [["BẢNG THEO DÕI NĂM 2024"], ...NO_YEAR[0].values] },
    ];
    const port = renderPane(new FakePort(titled));
    await screen.findByText("Năm 2024 tìm thấy trong sổ tính (trang “Bảng”, dòng 1).");
    expect(yearBox().placeholder).toBe("2024");
    fireEvent.change(yearBox(), { target: { value: "2025" } });
    fireEvent.blur(yearBox());
    await screen.findByText("Năm 2025 do bạn nhập.");
    fireEvent.change(yearBox(), { target: { value: "" } });
    fireEvent.blur(yearBox());
    await screen.findByText("Năm 2024 tìm thấy trong sổ tính (trang “Bảng”, dòng 1).");
    expect(port.analysed.at(-1)).toEqual({ year: undefined });
  });
});

describe("the preset in the pane", () => {
  it("is chosen from the list and sent with the analysis; the caption names the one in use", async () => {
    const titled: SheetGrid[] = [
      { name: "Bảng", values: [["BẢNG THEO DÕI NĂM 2024"], ...NO_YEAR[0].values] },
    ];
    const port = renderPane(new FakePort(titled));
    await screen.findByText(/^Đang dùng mẫu “An Giang 2023”/);
    const list = screen.getByRole("combobox", { name: "Mẫu tiêu chí" });
    expect(list.textContent).toBe("Theo năm thi đua");
    fireEvent.click(list);
    fireEvent.click(within(await screen.findByRole("listbox")).getByRole("option", { name: "Từ năm 2025" }));
    await screen.findByText(/^Đang dùng mẫu “Từ năm 2025”: Chính quyền hai cấp/);
    await waitFor(() => expect(port.analysed.at(-1)).toEqual({ preset: "tu-nam-2025" }));
  });

  it("is not offered when the workbook has its own “Tiêu chí” sheet (the 2023 sample's)", async () => {
    const sample = workbookToGrids(await loadWorkbook(readFileSync(SAMPLE), "mau.xlsx"));
    renderPane(new FakePort(sample));
    await screen.findByText("Năm 2023 theo trang “Tiêu chí”.");
    expect(screen.getByRole("combobox", { name: "Mẫu tiêu chí" }).hasAttribute("disabled")).toBe(true);
    expect(screen.getByText(/^Sổ tính đã có trang “Tiêu chí”/)).toBeTruthy();
  });
});

describe("parseYear", () => {
  it("takes four digits in range, blank for the found year, refuses the rest", () => {
    expect([
      parseYear(" 2025 "),
      parseYear(""),
      parseYear("24"),
      parseYear("1999"),
      parseYear("2o25"),
    ]).toEqual([2025, undefined, null, null, null]);
  });
});
