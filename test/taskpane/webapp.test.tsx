/** @jest-environment jsdom */
/**
 * The web app (the pane outside Office) in jsdom: a file opened through the file input or dropped on the
 * page, scored by the file port, the result downloaded; what file mode hides and shows instead.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { UnusableInputError } from "../../src/core/problems";
import { scorePackage } from "../../src/xlsx/package/score";
import { WorkbookPackage } from "../../src/xlsx/package/workbook-package";
import { loadWorkbook, saveWorkbook } from "../exceljs/workbook";
import { openErrorMessage } from "../../src/taskpane/use-file-opener";
import { WebApp } from "../../src/taskpane/WebApp";
import { MESSY_FILE, MESSY_PROPOSED, MESSY_SHEET, messyWorkbookBytes } from "../helpers/messy-workbook";
import { freshSampleBytes, snapshot, tempDir, xlsxBytes } from "../helpers/workbooks";
import { promises as fs } from "node:fs";
import { writeCfb } from "../helpers/cfb-writer";
import { MACRO_PROPOSED, writeMacroWorkbook } from "../helpers/macro-workbook";
import { captureDownloads, installBrowserApis, installFluentStandIns } from "./dom-stubs";

const SAMPLE_NAME = "theo-doi-thi-dua-kstthc-2023.xlsx";
const SHEET = "Theo dõi 2023";
const PROPOSED = ["Sở Ngoại vụ", "UBND huyện An Phú", "UBND huyện Phú Tân", "Bảo hiểm xã hội tỉnh"];

beforeAll(() => {
  installFluentStandIns();
  installBrowserApis();
});

let capture: ReturnType<typeof captureDownloads>;
beforeEach(() => (capture = captureDownloads()));
afterEach(() => capture.restore());

const fileOf = (bytes: Uint8Array, name: string) => new File([bytes.slice()], name);
// The sample as staff start from it: no "Tiêu chí" sheet yet, two scores not entered.
let fresh: Uint8Array;
beforeAll(async () => (fresh = await freshSampleBytes()));
const sampleFile = () => fileOf(fresh, SAMPLE_NAME);

function renderWebApp() {
  render(
    <FluentProvider theme={webLightTheme}>
      <WebApp />
    </FluentProvider>,
  );
}

function choose(file: File): void {
  fireEvent.change(screen.getByLabelText("Chọn tệp Excel (.xlsx)"), { target: { files: [file] } });
}

function drop(file: File): void {
  const dataTransfer = { types: ["Files"], files: [file], dropEffect: "none" };
  const page = screen.getByRole("heading", { name: "Chấm điểm thi đua KSTTHC" }).closest("main")
    ?.parentElement as HTMLElement;
  fireEvent.dragOver(page, { dataTransfer });
  fireEvent.drop(page, { dataTransfer });
}

function proposedNames(): string[] {
  const table = screen.getByRole("table", { name: "Đơn vị đề xuất khen thưởng" });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getAllByRole("cell")[0].textContent ?? "");
}

async function scoreAndWait(): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: "Tính điểm" }));
  await screen.findByText(/^Đã tính điểm \d+ đơn vị\./, undefined, { timeout: 10_000 });
}

/** What `kstthc score` writes for these bytes, read back. */
async function cliOutput(bytes: Uint8Array) {
  const workbook = WorkbookPackage.open(bytes, "cli.xlsx");
  scorePackage(workbook);
  return loadWorkbook(workbook.save(), "cli-output.xlsx");
}

describe("web app", () => {
  it("opens the sample from the file input, scores it and downloads the CLI's file", async () => {
    renderWebApp();
    expect(screen.getByRole("button", { name: "Mở tệp Excel" })).toBeTruthy();
    expect(screen.getByText(/không gửi lên máy chủ nào/)).toBeTruthy();
    choose(sampleFile());
    await screen.findByText("33 đơn vị", undefined, { timeout: 10_000 });
    expect(within(screen.getByRole("group", { name: "Tệp đang mở" })).getByText(SAMPLE_NAME)).toBeTruthy();

    await scoreAndWait();
    expect(proposedNames()).toEqual(PROPOSED);
    // No grid to go to: the names are text, not links.
    expect(
      within(screen.getByRole("table", { name: "Đơn vị đề xuất khen thưởng" })).queryByRole("button", {
        name: "Sở Ngoại vụ",
      }),
    ).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Tải về tệp đã tính điểm" }));
    expect(capture.downloads.map((d) => d.fileName)).toEqual([
      "theo-doi-thi-dua-kstthc-2023-da-tinh-diem.xlsx",
    ]);
    const workbook = await loadWorkbook(await capture.downloads[0].bytes(), "tai-ve.xlsx");
    expect(snapshot(workbook)).toEqual(snapshot(await cliOutput(fresh.slice())));

    // The letter beside the scored file, as docs/phat-trien.md says.
    const [letter] = screen.getAllByRole("button", { name: "Tải công văn (.docx)" });
    expect(letter.parentElement?.textContent).toContain("Tải về tệp đã tính điểm");
    fireEvent.click(letter);
    await waitFor(() => expect(capture.downloads).toHaveLength(2), { timeout: 10_000 });
    expect(capture.downloads[1].fileName).toBe("cong-van-de-xuat-khen-thuong-2023.docx");
    expect(Buffer.from((await capture.downloads[1].bytes()).subarray(0, 4)).toString("latin1")).toBe(
      "PK\u0003\u0004",
    );
  });

  it("saves edited emulation ratings and yes/no settings into the file's “Tiêu chí” sheet (#26)", async () => {
    renderWebApp();
    choose(sampleFile());
    await screen.findByText("33 đơn vị", undefined, { timeout: 10_000 });
    fireEvent.click(screen.getByRole("button", { name: "Tiêu chí" }));
    fireEvent.click(screen.getByRole("button", { name: "Thêm xếp loại" }));
    const rating = screen.getByRole("group", { name: "Xếp loại thi đua 1" });
    const field = (name: string) => within(rating).getByRole("textbox", { name });
    fireEvent.change(field("Tên xếp loại"), { target: { value: "Hoàn thành tốt" } });
    fireEvent.change(field("Tổng điểm từ"), { target: { value: "70" } });
    fireEvent.change(field("Mỗi tiêu chí đạt từ (%)"), { target: { value: "150" } });
    expect(within(rating).getByText("Tỷ lệ tối thiểu phải từ 0 đến 100%.")).toBeTruthy();
    fireEvent.change(field("Mỗi tiêu chí đạt từ (%)"), { target: { value: "50" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "Quy đổi tổng điểm về thang 100" }));
    fireEvent.click(screen.getByRole("button", { name: "Lưu tiêu chí" }));
    await screen.findByText(/Đã lưu vào trang “Tiêu chí”/, undefined, { timeout: 10_000 });

    await scoreAndWait();
    fireEvent.click(screen.getByRole("button", { name: "Tải về tệp đã tính điểm" }));
    const workbook = await loadWorkbook(await capture.downloads[0].bytes(), "tai-ve.xlsx");
    const rows: unknown[][] = [];
    workbook.getWorksheet("Tiêu chí")?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toContainEqual(["Quy đổi tổng điểm về thang 100", "Có"]);
    const ratingRow = rows.find((row) => row[0] === "Xếp loại thi đua");
    expect(ratingRow?.slice(0, 4)).toEqual(["Xếp loại thi đua", "Hoàn thành tốt", 70, "50%"]);
    expect(rows.some((row) => row[0] === "Xếp hạng trong khối")).toBe(false);
  });

  it("hides what needs Excel's grid, and shows where a problem's cell is instead of selecting it", async () => {
    renderWebApp();
    choose(sampleFile());
    await screen.findByText("33 đơn vị", undefined, { timeout: 10_000 });
    expect(screen.queryByRole("button", { name: "Dùng trang đang chọn" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Đọc lại sổ tính" })).toBeNull();
    // One sheet: nothing to choose.
    expect(screen.queryByRole("combobox", { name: "Trang có bảng đơn vị" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Cột dữ liệu" }));
    expect(screen.getByRole("combobox", { name: "Tên đơn vị" }).textContent).toBe("B · Tên cơ quan, đơn vị");
    expect(screen.queryByRole("button", { name: /Dùng vùng đang chọn/ })).toBeNull();
    openAndExpect("Giá trị để chia sẻ", /tiếp theo\.$/);

    await scoreAndWait();
    const problem = screen.getByRole("button", { name: /Dòng 14, cột D: “Sở Nông nghiệp/ });
    fireEvent.click(problem);
    expect(problem.getAttribute("aria-current")).toBe("true");
    const place = document.getElementById(problem.getAttribute("aria-describedby") ?? "");
    expect(place?.textContent).toBe(`Trang “${SHEET}”, ô D14: mở tệp bằng Excel để xem hoặc sửa.`);
    const other = screen.getByRole("button", { name: /Dòng 12, cột D/ });
    fireEvent.click(other);
    expect(problem.getAttribute("aria-current")).toBeNull();
    expect(other.getAttribute("aria-current")).toBe("true");
  });

  it("opens a messy workbook dropped on the page, and another file in its place", async () => {
    renderWebApp();
    drop(fileOf(await messyWorkbookBytes(), MESSY_FILE));
    await screen.findByText("5 đơn vị", undefined, { timeout: 10_000 });
    expect(screen.getByLabelText("Bảng đơn vị tìm thấy").textContent).toContain(MESSY_SHEET);
    expect(screen.getByRole("combobox", { name: "Trang có bảng đơn vị" }).textContent).toBe(MESSY_SHEET);
    await scoreAndWait();
    expect(proposedNames()).toEqual(MESSY_PROPOSED);

    // A file that is not a workbook: the one open stays, with the CLI's sentence above it.
    drop(fileOf(new Uint8Array(Buffer.from("không phải Excel")), "ghi-chu.xlsx"));
    await screen.findByText("Không mở được tệp");
    expect(
      screen.getByText(
        `Tệp “ghi-chu.xlsx” là tệp văn bản (chữ thường hoặc .csv), không phải tệp Excel .xlsx: hãy mở bằng Excel hoặc LibreOffice Calc rồi lưu lại dạng .xlsx. Tệp đang mở vẫn là “${MESSY_FILE}”.`,
      ),
    ).toBeTruthy();
    expect(proposedNames()).toEqual(MESSY_PROPOSED);

    choose(sampleFile());
    await screen.findByText("33 đơn vị", undefined, { timeout: 10_000 });
    expect(screen.queryByText("Không mở được tệp")).toBeNull();
    // A new file starts a new session: nothing scored yet.
    expect(screen.getByText("Chưa tính điểm trong phiên làm việc này.")).toBeTruthy();
  });

  it("says above the list that a list an error touches is a draft (#23)", async () => {
    const bytes = await xlsxBytes([
      {
        name: "Đơn vị",
        rows: [
          ["STT", "Tên đơn vị", "Khối", "Điểm Bộ chỉ số 766"],
          [1, "Sở Ngoại vụ", "Sở, ban, ngành", 91],
          [2, "Sở Tư pháp", "Sở, ban, ngành", "85,5,1"],
        ],
      },
    ]);
    renderWebApp();
    choose(fileOf(bytes, "co-loi.xlsx"));
    await screen.findByText("2 đơn vị", undefined, { timeout: 10_000 });
    await scoreAndWait();
    const bar = screen
      .getByText("DỰ THẢO — CÒN 1 LỖI CẦN SỬA TRƯỚC KHI GỬI")
      .closest("[data-unsure]") as HTMLElement;
    expect(bar.textContent).toContain("(“Sở Tư pháp”)");
    const summary = screen.getByText(/^Đã tính điểm 2 đơn vị\./);
    expect(bar.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("scores a dropped macro workbook and downloads it as .xlsm (issue #23, item 4)", async () => {
    const dir = await tempDir();
    try {
      const bytes = new Uint8Array(await fs.readFile(await writeMacroWorkbook(dir)));
      renderWebApp();
      drop(fileOf(bytes, "theo-doi-macro.xlsm"));
      await screen.findByText("3 đơn vị", undefined, { timeout: 10_000 });
      await scoreAndWait();
      expect(proposedNames()).toEqual(MACRO_PROPOSED);
      fireEvent.click(screen.getByRole("button", { name: "Tải về tệp đã tính điểm" }));
      expect(capture.downloads.map((d) => [d.fileName, d.type])).toEqual([
        ["theo-doi-macro-da-tinh-diem.xlsm", "application/vnd.ms-excel.sheet.macroenabled.12"],
      ]);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("says why a file cannot be opened, from the first screen", async () => {
    renderWebApp();
    // An .xls is an OLE file holding a "Workbook" stream (issue #23, item 9: its own sentence).
    const xls = writeCfb([{ name: "Workbook", bytes: new Uint8Array(4096) }]);
    choose(fileOf(xls, "bao-cao-2019.xls"));
    await screen.findByText("Không mở được tệp");
    expect(screen.getByText(/^Tệp “bao-cao-2019.xls” là tệp Excel 97-2003 \(.xls\)/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Mở tệp Excel" })).toBeTruthy();
  });

  it("lets the user pick the table's sheet when the table is not found on its own", async () => {
    const two = await loadWorkbook(await messyWorkbookBytes(), MESSY_FILE);
    const copy = two.addWorksheet("Số liệu 2023");
    two.getWorksheet(MESSY_SHEET)?.eachRow((row, n) => {
      copy.getRow(n).values = row.values as never;
    });
    renderWebApp();
    choose(fileOf(await saveWorkbook(two), "hai-nam.xlsx"));
    await screen.findByText("Chưa tìm được bảng đơn vị", undefined, { timeout: 10_000 });
    const picker = screen.getByRole("combobox", { name: "Trang có bảng đơn vị" });
    fireEvent.click(picker);
    fireEvent.click(await screen.findByRole("option", { name: "Số liệu 2023" }));
    await screen.findByText("5 đơn vị");
    expect(screen.getByLabelText("Bảng đơn vị tìm thấy").textContent).toContain("Số liệu 2023");
  });

  it("shows the vertical-sector units, which criterion III does not fit, as “Không áp dụng”, not “Chưa có điểm”", async () => {
    renderWebApp();
    choose(sampleFile());
    await screen.findByText("33 đơn vị", undefined, { timeout: 10_000 });
    fireEvent.click(screen.getByRole("button", { name: "Phân bố và biểu đồ điểm 766" }));
    const table = screen.getByRole("table", { name: "Phân bố xếp loại Bộ chỉ số 766 theo khối" });
    const [header, ...rows] = within(table)
      .getAllByRole("row")
      .map((row) => Array.from(row.querySelectorAll("th, td"), (cell) => cell.textContent ?? ""));
    expect(header).toEqual([
      "Khối",
      "Số đơn vị",
      "Xuất sắc",
      "Tốt",
      "Khá",
      "Trung bình",
      "Yếu",
      "Chưa có điểm",
      "Không áp dụng",
      "Trên ngưỡng (> 80)",
    ]);
    const row = (group: string) => rows.find((r) => r[0] === group);
    // Five vertical-sector units, none with a 766 score: not applicable, not missing.
    expect(row("Cơ quan ngành dọc")).toEqual([
      "Cơ quan ngành dọc",
      "5",
      "0",
      "0",
      "0",
      "0",
      "0",
      "0",
      "5",
      "0",
    ]);
    // The two departments whose score is not entered yet (the fresh sample) stay "Chưa có điểm".
    expect(row("Sở, ban, ngành")?.slice(7, 9)).toEqual(["2", "0"]);
    expect(row("Tổng cộng")?.slice(7, 9)).toEqual(["2", "5"]);
  });
});

describe("messages of a file that does not open", () => {
  it("tells to reload the page when ExcelJS's chunk cannot be fetched, and passes the core's sentences on", () => {
    const lost = Object.assign(new Error("Loading chunk 123 failed."), { name: "ChunkLoadError" });
    expect(openErrorMessage(lost)).toMatch(
      /^Không tải được phần đọc tệp Excel của trang .*Hãy tải lại trang/,
    );
    expect(openErrorMessage(new UnusableInputError("Tệp hỏng."))).toBe("Tệp hỏng.");
  });
});

/** Opens a section and checks a sentence of it. */
function openAndExpect(section: string, text: RegExp): void {
  fireEvent.click(screen.getByRole("button", { name: section }));
  expect(screen.getByText(text)).toBeTruthy();
}
