/** @jest-environment jsdom */
/**
 * The task pane over a fake port that runs the real core on the grids of the real sample workbook.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { SheetGrid } from "../../src/core/grid";
import { App } from "../../src/taskpane/App";
import { formulasUnavailable } from "../../src/excel/api-support";
import { freshSampleGrids } from "../helpers/workbooks";
import JSZip from "jszip";
import { FakePort } from "./fake-port";
import { installFluentStandIns } from "./dom-stubs";
import { TextEncoder as NodeTextEncoder } from "node:util";

// jsdom has no TextEncoder, which every browser has and the Word writer uses to build the dossier.
globalThis.TextEncoder ??= NodeTextEncoder as typeof TextEncoder;

const SHEET = "Theo dõi 2023";
const PROPOSED = ["Sở Ngoại vụ", "UBND huyện An Phú", "UBND huyện Phú Tân", "Bảo hiểm xã hội tỉnh"];
/** Above 79 instead of above 80: Sở Tư pháp 79,12, Sở TT&TT 79,95, BQL Khu kinh tế 80, TP Long Xuyên 79,48. */
const PROPOSED_ABOVE_79 = [
  "Sở Tư pháp",
  "Sở Thông tin và Truyền thông",
  "Sở Ngoại vụ",
  "Ban Quản lý Khu kinh tế",
  "UBND thành phố Long Xuyên",
  "UBND huyện An Phú",
  "UBND huyện Phú Tân",
  "Bảo hiểm xã hội tỉnh",
];

// Fluent UI asks for media queries and element sizes, which jsdom lacks (see dom-stubs).
beforeAll(installFluentStandIns);

let sample: SheetGrid[];
beforeAll(async () => {
  // The sample as staff start from it: no "Tiêu chí" sheet yet, two scores not entered.
  sample = await freshSampleGrids();
});

/** The reason the Excel port gives where CustomFunctionsRuntime 1.1 is missing. */
const formulasUnavailableHere = withOffice({ CustomFunctionsRuntime: false }, formulasUnavailable);

/** Runs `read` with an Office global whose requirement sets are `sets` (any other set is supported). */
function withOffice<T>(sets: Record<string, boolean>, read: () => T): T {
  const global = globalThis as unknown as { Office?: unknown };
  global.Office = { context: { requirements: { isSetSupported: (name: string) => sets[name] ?? true } } };
  try {
    return read();
  } finally {
    delete global.Office;
  }
}

function renderPane(port = new FakePort(sample)) {
  render(
    <FluentProvider theme={webLightTheme}>
      <App port={port} />
    </FluentProvider>,
  );
  return port;
}

/** Opens a collapsed section by its heading button. */
function openSection(title: string): void {
  fireEvent.click(screen.getByRole("button", { name: title }));
}

/** The names in the table of proposed units, in order. */
function proposedNames(): string[] {
  const table = screen.getByRole("table", { name: "Đơn vị đề xuất khen thưởng" });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getAllByRole("cell")[0].textContent ?? "");
}

async function scoreAndWait(expectedCount: number): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: "Tính điểm" }));
  await screen.findByText(`Đề xuất khen thưởng ${expectedCount} đơn vị:`, { exact: false });
}

function criterionGroup(code: string): HTMLElement {
  return screen.getByRole("group", { name: new RegExp(`^${code.replace(".", "\\.")} ·`) });
}

describe("task pane over the sample workbook", () => {
  it("shows the detected table and the columns it reads", async () => {
    const port = renderPane();
    await screen.findByText("33 đơn vị");
    const facts = screen.getByLabelText("Bảng đơn vị tìm thấy");
    expect(within(facts).getByText(SHEET)).toBeTruthy();
    expect(within(facts).getByText("33 đơn vị")).toBeTruthy();
    expect(within(facts).getByText("A5:G43")).toBeTruthy();
    expect(within(facts).getByText("5–6")).toBeTruthy();
    // The column pickers are folded until asked for.
    expect(screen.queryByRole("combobox", { name: "Tên đơn vị" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Cột dữ liệu" }));
    const name = screen.getByRole("combobox", { name: "Tên đơn vị" });
    expect(name.textContent).toBe("B · Tên cơ quan, đơn vị");
    expect(screen.getByRole("combobox", { name: "Điểm Bộ chỉ số 766" }).textContent).toContain(
      "D · Điểm Bộ chỉ số 766",
    );
    expect(screen.getByRole("combobox", { name: "Tỷ lệ một cửa cấp xã" }).textContent).toBe("(không có)");
    expect(port.analysed).toEqual([{}]);
    // Nothing is written before the user asks.
    expect(port.grids.map((g) => g.name)).toEqual([SHEET]);
  });

  it("scores on “Tính điểm”, with a progress bar, and lists the proposed units and the problems", async () => {
    const port = renderPane();
    await screen.findByText("33 đơn vị");
    const release = port.holdNextScore();
    fireEvent.click(screen.getByRole("button", { name: "Tính điểm" }));
    const bar = await screen.findByRole("progressbar");
    expect(bar.getAttribute("aria-valuenow")).toBe("0");
    expect(screen.getByText(/Đang ghi kết quả vào sổ tính: 0\/4/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Tính điểm" }).hasAttribute("disabled")).toBe(true);
    await act(async () => release());
    await screen.findByText("Đã tính điểm 33 đơn vị.", { exact: false });
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(proposedNames()).toEqual(PROPOSED);
    const row = screen.getByRole("row", { name: /Bảo hiểm xã hội tỉnh/ });
    expect(within(row).getByText("IV.9: 35")).toBeTruthy();
    // The plan was applied: output columns, the criteria sheet, the summary and the hidden sheet.
    expect(port.grids.map((g) => g.name)).toEqual([SHEET, "Tiêu chí", "Tổng hợp", "KSTTHC"]);
    expect(port.grids[0].values[4][7]).toBe("Điểm tiêu chí III");
    const problems = within(
      screen.getByRole("region", { name: "Số liệu cần xem (3 cảnh báo)" }),
    ).getAllByRole("button");
    expect(problems).toHaveLength(3);
    // The defaults know no year's decisions: one warning for the letter, then the two blank scores.
    expect(problems[0].textContent).toMatch(/^Cảnh báo: .*Công văn còn thiếu: số Quyết định kế hoạch, /);
    expect(problems[1].textContent).toBe(
      "Cảnh báo: Dòng 12, cột D: “Sở Tài chính” chưa có số liệu cho tiêu chí III, tính 0 điểm.",
    );
  });

  it("says a list an error touches is a draft, above the list, and says nothing of it otherwise (#23)", async () => {
    // Sở Tài chính's score typed as "85,5,1": unreadable, so the list cannot be trusted.
    const grids = JSON.parse(JSON.stringify(sample)) as SheetGrid[];
    const row = grids[0].values.findIndex((line) => line[1] === "Sở Tài chính");
    grids[0].values[row][3] = "85,5,1";
    renderPane(new FakePort(grids));
    await screen.findByText("33 đơn vị");
    await scoreAndWait(4);
    const bar = screen
      .getByText("DỰ THẢO — CÒN 1 LỖI CẦN SỬA TRƯỚC KHI GỬI")
      .closest("[data-unsure]") as HTMLElement;
    expect(bar.textContent).toContain(
      "Danh sách dưới đây chưa chắc đúng vì 1 lỗi ở số liệu cần để tính điểm của 1 đơn vị (“Sở Tài chính”)",
    );
    // Above the list: the bar comes before the summary sentence and the table of proposed units.
    const summary = screen.getByText(/^Đã tính điểm 33 đơn vị\./);
    expect(bar.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("shows no draft bar over a list no error touches", async () => {
    renderPane();
    await screen.findByText("33 đơn vị");
    await scoreAndWait(4);
    expect(screen.queryByText(/DỰ THẢO/)).toBeNull();
  });

  it("says the criteria are the workbook's once a run wrote the “Tiêu chí” sheet", async () => {
    renderPane();
    await screen.findByText("33 đơn vị");
    openSection("Tiêu chí");
    expect(screen.getByText(/Đang dùng tiêu chí mặc định/)).toBeTruthy();
    await scoreAndWait(4);
    expect(screen.queryByText(/Đang dùng tiêu chí mặc định/)).toBeNull();
    expect(screen.getByText(/Đang dùng tiêu chí của trang “Tiêu chí” trong sổ tính/)).toBeTruthy();
  });

  it("selects a problem's cell, and a proposed unit's row, when clicked", async () => {
    const port = renderPane();
    await screen.findByText("33 đơn vị");
    await scoreAndWait(4);
    fireEvent.click(screen.getByRole("button", { name: /Dòng 14, cột D: “Sở Nông nghiệp/ }));
    fireEvent.click(screen.getByRole("button", { name: "UBND huyện Phú Tân" }));
    await waitFor(() => expect(port.selected).toHaveLength(2));
    expect(port.selected).toEqual([
      { sheet: SHEET, address: "D14" },
      { sheet: SHEET, address: "B31" },
    ]);
  });

  it("changes the proposed units when a threshold is edited, saved and scored again", async () => {
    const port = renderPane();
    await screen.findByText("33 đơn vị");
    await scoreAndWait(4);
    openSection("Tiêu chí");
    const iii = criterionGroup("III");
    const threshold = within(iii).getByRole("textbox", { name: "Ngưỡng" });
    expect((threshold as HTMLInputElement).value).toBe("80");
    fireEvent.change(threshold, { target: { value: "79" } });
    expect(within(iii).getByText("30 điểm khi điểm 766 > 79")).toBeTruthy();
    // Not saved yet: the score section says that “Tính điểm” would use the saved criteria.
    expect(screen.getByText("Có thay đổi chưa lưu")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Lưu tiêu chí" }));
    await screen.findByText(/Đã lưu vào trang “Tiêu chí”/);
    expect(port.criteriaWritten).toHaveLength(1);
    expect(port.criteriaWritten[0].criteria.find((c) => c.code === "III")?.threshold).toBe(79);
    // The earlier result is marked as out of date until the workbook is scored again.
    expect(screen.getByText(/Kết quả dưới đây là của lần tính trước/)).toBeTruthy();
    await scoreAndWait(8);
    expect(proposedNames()).toEqual(PROPOSED_ABOVE_79);
    expect(screen.getByText("Đang dùng tiêu chí của trang “Tiêu chí” trong sổ tính.")).toBeTruthy();
  });

  it("saves and scores in one step from the warning of unsaved changes", async () => {
    const port = renderPane();
    await screen.findByText("33 đơn vị");
    openSection("Tiêu chí");
    fireEvent.change(within(criterionGroup("III")).getByRole("textbox", { name: "Ngưỡng" }), {
      target: { value: "79" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Lưu rồi tính điểm" }));
    await screen.findByText("Đề xuất khen thưởng 8 đơn vị:", { exact: false });
    expect(port.criteriaWritten).toHaveLength(1);
    expect(port.scored).toHaveLength(1);
  });

  it("restores the default criteria, and refuses to save a threshold that is not a number", async () => {
    const port = renderPane();
    await screen.findByText("33 đơn vị");
    openSection("Tiêu chí");
    const threshold = () =>
      within(criterionGroup("III")).getByRole("textbox", { name: "Ngưỡng" }) as HTMLInputElement;
    const points = within(criterionGroup("IV.9")).getByRole("textbox", { name: "Điểm tối đa" });
    const save = () => screen.getByRole("button", { name: "Lưu tiêu chí" });
    expect(save().hasAttribute("disabled")).toBe(true);

    fireEvent.change(threshold(), { target: { value: "tám mươi" } });
    fireEvent.change(points, { target: { value: "40" } });
    expect(screen.getAllByText("Nhập một số, ví dụ 80 hoặc 79,5.").length).toBeGreaterThan(0);
    expect(save().hasAttribute("disabled")).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: "Khôi phục mặc định" }));
    expect(threshold().value).toBe("80");
    expect(
      (within(criterionGroup("IV.9")).getByRole("textbox", { name: "Điểm tối đa" }) as HTMLInputElement)
        .value,
    ).toBe("35");
    expect(screen.queryByText("Nhập một số, ví dụ 80 hoặc 79,5.")).toBeNull();
    expect(save().hasAttribute("disabled")).toBe(true);

    // After a saved change, restoring the defaults is itself a change to save.
    fireEvent.change(threshold(), { target: { value: "79,5" } });
    fireEvent.click(save());
    await screen.findByText(/Đã lưu vào trang “Tiêu chí”/);
    expect(port.criteriaWritten[0].criteria[0].threshold).toBe(79.5);
    fireEvent.click(screen.getByRole("button", { name: "Khôi phục mặc định" }));
    expect(save().hasAttribute("disabled")).toBe(false);
    fireEvent.click(save());
    await waitFor(() => expect(port.criteriaWritten).toHaveLength(2));
    expect(port.criteriaWritten[1].criteria[0].threshold).toBe(80);
  });

  it("edits the emulation ratings and the yes/no settings, saves them into “Tiêu chí” and reads them back", async () => {
    const port = renderPane();
    await screen.findByText("33 đơn vị");
    openSection("Tiêu chí");
    const save = () => screen.getByRole("button", { name: "Lưu tiêu chí" });
    fireEvent.click(screen.getByRole("button", { name: "Thêm xếp loại" }));
    const rating = screen.getByRole("group", { name: "Xếp loại thi đua 1" });
    const field = (name: string) => within(rating).getByRole("textbox", { name }) as HTMLInputElement;
    fireEvent.change(field("Tên xếp loại"), { target: { value: "Hoàn thành xuất sắc" } });
    fireEvent.change(field("Mỗi tiêu chí đạt từ (%)"), { target: { value: "85" } });
    // A bad minimum is refused at its field, and the save with it.
    fireEvent.change(field("Tổng điểm từ"), { target: { value: "120" } });
    expect(within(rating).getByText("Điểm tối thiểu phải từ 0 đến 100.")).toBeTruthy();
    expect(save().hasAttribute("disabled")).toBe(true);
    fireEvent.change(field("Tổng điểm từ"), { target: { value: "90,5" } });
    expect(within(rating).queryByText("Điểm tối thiểu phải từ 0 đến 100.")).toBeNull();
    fireEvent.click(screen.getByRole("checkbox", { name: "Xếp hạng trong khối" }));
    fireEvent.click(save());
    await screen.findByText(/Đã lưu vào trang “Tiêu chí”/);
    expect(port.criteriaWritten).toHaveLength(1);
    // Read back from the "Tiêu chí" sheet the save wrote, as the next run reads it.
    const read = await port.analyse({});
    expect(read.criteriaSource).toBe("sheet");
    expect(read.settings.emulation).toEqual({
      ratings: [{ label: "Hoàn thành xuất sắc", minTotal: 90.5, minShare: 85 }],
      convertTo100: false,
      rankInGroup: true,
    });
    const sheet = port.grids.find((g) => g.name === "Tiêu chí");
    expect(sheet?.values).toContainEqual(expect.arrayContaining(["Xếp hạng trong khối", "Có"]));
    expect(sheet?.values).toContainEqual(expect.arrayContaining(["Xếp loại thi đua", "Hoàn thành xuất sắc"]));
    expect(sheet?.values.some((row) => row[0] === "Quy đổi tổng điểm về thang 100")).toBe(false);
  });

  it("takes a column from the selection and analyses again with the new mapping", async () => {
    const port = renderPane();
    await screen.findByText("33 đơn vị");
    fireEvent.click(screen.getByRole("button", { name: "Cột dữ liệu" }));
    port.selection = { sheet: SHEET, address: "G9:G12" };
    fireEvent.click(
      screen.getByRole("button", { name: "Dùng vùng đang chọn cho cột “Tỷ lệ một cửa cấp xã”" }),
    );
    await waitFor(() => expect(port.analysed).toHaveLength(2));
    expect(port.analysed[1]).toEqual({
      sheet: SHEET,
      mapping: { headerRow: 4, name: 1, group: 2, stt: 0, score766: 3, rates: { tinh: 4, huyen: 5, xa: 6 } },
    });
    await waitFor(() =>
      expect(screen.getByRole("combobox", { name: "Tỷ lệ một cửa cấp xã" }).textContent).toBe("G · Ghi chú"),
    );
    // A selection on another sheet is refused with a sentence that says why.
    port.selection = { sheet: "Trang khác", address: "B2" };
    fireEvent.click(screen.getByRole("button", { name: "Dùng vùng đang chọn cho cột “Tên đơn vị”" }));
    await screen.findByText(/Vùng đang chọn ở trang “Trang khác”/);
    expect(port.analysed).toHaveLength(2);
  });

  it("scores with the mapping the user chose, which the core then keeps in the workbook", async () => {
    const port = renderPane();
    await screen.findByText("33 đơn vị");
    fireEvent.click(screen.getByRole("button", { name: "Cột dữ liệu" }));
    port.selection = { sheet: SHEET, address: "F9" };
    fireEvent.click(
      screen.getByRole("button", { name: "Dùng vùng đang chọn cho cột “Tỷ lệ một cửa cấp tỉnh”" }),
    );
    await waitFor(() => expect(port.analysed).toHaveLength(2));
    // Both levels now read column F, where Công an tỉnh has 100% (its provincial 97,2% in E is not read).
    await scoreAndWait(5);
    expect(proposedNames()).toEqual([...PROPOSED, "Công an tỉnh"]);
    expect(port.scored[0].mapping?.rates).toEqual({ tinh: 5, huyen: 5 });
    const meta = port.grids.find((g) => g.name === "KSTTHC");
    expect(JSON.stringify(meta?.values)).toContain("tinh=F,huyen=F");
  });

  it("is usable from the keyboard: problems are native buttons, the comparison opens with the arrow keys", async () => {
    renderPane();
    await screen.findByText("33 đơn vị");
    await scoreAndWait(4);
    const problem = screen.getByRole("button", { name: /Dòng 12, cột D/ });
    // A native <button>: Enter and Space activate it in every browser (the real-browser test presses Enter).
    expect(problem.tagName).toBe("BUTTON");
    act(() => problem.focus());
    expect(document.activeElement).toBe(problem);

    openSection("Tiêu chí");
    const operator = within(criterionGroup("III")).getByRole("combobox", { name: "So sánh" });
    expect(operator.textContent).toBe(">");
    act(() => operator.focus());
    fireEvent.keyDown(operator, { key: "ArrowDown" });
    const listbox = await screen.findByRole("listbox");
    expect(
      within(listbox)
        .getAllByRole("option")
        .map((o) => o.textContent?.slice(0, 1)),
    ).toEqual([">", "≥", "=", "≤", "<"]);
    fireEvent.keyDown(operator, { key: "ArrowDown" });
    fireEvent.keyDown(operator, { key: "Enter" });
    await waitFor(() => expect(operator.textContent).toBe("≥"));
    expect(within(criterionGroup("III")).getByText("30 điểm khi điểm 766 ≥ 80")).toBeTruthy();
  });

  it("edits the letter settings and saves them in the “Tiêu chí” sheet; downloads the letter", async () => {
    const port = renderPane();
    await screen.findByText("33 đơn vị");
    openSection("Công văn");
    fireEvent.change(screen.getByRole("textbox", { name: "Họ tên người ký" }), {
      target: { value: "Nguyễn Văn A" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: /Nơi nhận/ }), {
      target: { value: "Như trên;\n\nLưu: VT, TH." },
    });
    fireEvent.change(screen.getByRole("textbox", { name: /Hạn phản hồi/ }), {
      target: { value: "31/02/2024" },
    });
    expect(screen.getByText("Ngày “31/02/2024” không có thật: xem lại ngày và tháng.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Lưu cài đặt" }).hasAttribute("disabled")).toBe(true);
    fireEvent.change(screen.getByRole("textbox", { name: /Hạn phản hồi/ }), {
      target: { value: "15/03/2024" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Lưu cài đặt" }));
    await screen.findByText(/Đã lưu vào trang “Tiêu chí”/);
    const { letter } = port.criteriaWritten[0].settings;
    expect(letter.signer.name).toBe("Nguyễn Văn A");
    expect(letter.distribution).toEqual(["Như trên;", "Lưu: VT, TH."]);
    expect(letter.replyDeadline).toBe("15/03/2024");

    fireEvent.click(screen.getByRole("button", { name: "Tải công văn (.docx)" }));
    await waitFor(() => expect(port.letters).toHaveLength(1));
    expect(port.letters[0].letter.signer.name).toBe("Nguyễn Văn A");

    // Beside it, the dossier: the letter, the list of collectives and the tờ trình.
    fireEvent.click(screen.getByRole("button", { name: "Tải bộ hồ sơ (.zip)" }));
    await waitFor(() => expect(port.dossiers).toHaveLength(1), { timeout: 10_000 });
    expect(port.dossiers[0].map((f) => f.fileName)).toEqual([
      "cong-van-de-xuat-khen-thuong-2023.docx",
      "danh-sach-tap-the-de-nghi-khen-thuong-2023.docx",
      "to-trinh-de-nghi-khen-thuong-2023.docx",
    ]);
    const list = await JSZip.loadAsync(port.dossiers[0][1].bytes);
    const text = (await list.file("word/document.xml")?.async("string")) ?? "";
    for (const name of port.letters[0].letter.proposed.map((p) => p.name)) expect(text).toContain(name);
  });

  it("writes values by default and formulas once the switch is on, telling why values suit sharing", async () => {
    const port = renderPane();
    await screen.findByText("33 đơn vị");
    openSection("Giá trị để chia sẻ");
    const toggle = screen.getByRole("switch", { name: "Ghi công thức thay cho giá trị" }) as HTMLInputElement;
    expect(toggle.checked).toBe(false);
    expect(toggle.disabled).toBe(false);
    expect(screen.getByText(/lỗi #NAME\?/).textContent).toMatch(/gửi tệp cho người khác, hãy để tắt/);

    await scoreAndWait(4);
    expect(port.scored[0].output).toBe("values");
    expect(port.grids[0].values[8][7]).toBe(0);

    fireEvent.click(toggle);
    expect(toggle.checked).toBe(true);
    await scoreAndWait(4);
    expect(port.scored[1]).toEqual({ output: "formulas" });
    // The fake port keeps each formula's result, as Excel shows it: the same numbers as before.
    expect(port.grids[0].values[8].slice(7, 12)).toEqual([0, 0, 0, "Khá", "Không"]);

    fireEvent.click(toggle);
    await scoreAndWait(4);
    expect(port.scored[2].output).toBe("values");
  });

  it("offers the letter on the summary sheet beside its download in Excel, for a pane whose downloads are blocked", async () => {
    const port = new FakePort(sample).inExcel();
    renderPane(port);
    await screen.findByText("33 đơn vị");
    openSection("Công văn");
    expect(screen.getByRole("button", { name: "Tải công văn (.docx)" })).toBeTruthy();
    expect(screen.getByText(/không tải về được/).textContent).toMatch(/trang web một tệp kstthc\.html/);
    fireEvent.click(screen.getByRole("button", { name: "Mở công văn trong trang Tổng hợp" }));
    await waitFor(() => expect(port.lettersShown).toHaveLength(1));
    expect(port.letters).toHaveLength(0);
  });

  it("offers no formulas where Excel has no custom functions, saying why, and writes values", async () => {
    const port = new FakePort(sample);
    port.formulasUnavailable = formulasUnavailableHere;
    renderPane(port);
    await screen.findByText("33 đơn vị");
    openSection("Giá trị để chia sẻ");
    expect(screen.queryByRole("switch", { name: "Ghi công thức thay cho giá trị" })).toBeNull();
    expect(screen.getByText(/chưa có hàm tùy chỉnh \(CustomFunctionsRuntime 1\.1/)).toBeTruthy();
    await scoreAndWait(4);
    expect(port.scored[0].output).toBe("values");
  });

  it("says why when no unit table is found, and lets the user point at the right sheet", async () => {
    const port = new FakePort([{ name: "Trống", values: [["Không có bảng"]] }, ...sample]);
    port.grids.splice(1, 1, { ...port.grids[1], name: "Bảng 2023" });
    port.grids.push({ ...structuredCopy(port.grids[1]), name: "Bảng 2024" });
    renderPane(port);
    await screen.findByText("Chưa tìm được bảng đơn vị");
    expect(screen.getByText(/Có 2 bảng đơn vị có thể tính điểm/)).toBeTruthy();
    port.selection = { sheet: "Bảng 2024", address: "A1" };
    fireEvent.click(screen.getByRole("button", { name: "Dùng trang đang chọn" }));
    await screen.findByText("Bảng 2024");
    expect(port.analysed[1]).toEqual({ sheet: "Bảng 2024" });
  });
});

function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

describe("a pane in Excel's shared runtime, often hidden", () => {
  it("reads the workbook only once on screen, and after the ribbon scored it only when shown again", async () => {
    const port = new FakePort(sample);
    let show: (visible: boolean) => void = () => undefined;
    let scoredElsewhere: (run: { summary: string; failed: boolean }) => void = () => undefined;
    Object.assign(port, {
      visibility: {
        now: () => false,
        watch: (listener: (visible: boolean) => void) => {
          show = listener;
          return () => undefined;
        },
      },
      onScoredElsewhere: (listener: typeof scoredElsewhere) => {
        scoredElsewhere = listener;
        return () => undefined;
      },
    });
    renderPane(port);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(port.analysed).toEqual([]);
    act(() => show(true));
    await waitFor(() => expect(port.analysed).toHaveLength(1));
    act(() => show(false));
    act(() => scoredElsewhere({ summary: "Đã tính điểm 33 đơn vị.", failed: false }));
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(port.analysed).toHaveLength(1);
    act(() => show(true));
    await waitFor(() => expect(port.analysed).toHaveLength(2));
    expect(await screen.findByText(/Đã tính điểm 33 đơn vị\./)).toBeTruthy();
  });
});
