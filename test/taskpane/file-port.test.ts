/** @jest-environment jsdom */
/**
 * The web app's file port, in a page (jsdom): the real sample's bytes and a messy workbook in, the
 * downloaded bytes out, byte for byte what the CLI (WorkbookPackage + scorePackage + save) writes.
 */
import { encryptedWorkbookBytes, writeCfb } from "../helpers/cfb-writer";
import JSZip from "jszip";
import { promises as fs } from "node:fs";
import path from "node:path";
import { defaultCriteria } from "../../src/core/criteria";
import { criteriaWritePlan } from "../../src/core/plan/criteria-sheet-plan";
import { UnusableInputError } from "../../src/core/problems";
import type { RunOptions } from "../../src/core/run";
import { defaultSettings } from "../../src/core/settings";
import { scoredFileName, XLSX_MIME } from "../../src/taskpane/download";
import { openFilePort, type FilePort } from "../../src/taskpane/file-port";
import { PAGE_CODEC } from "../../src/xlsx/package/codec";
import { scorePackage } from "../../src/xlsx/package/score";
import { WorkbookPackage } from "../../src/xlsx/package/workbook-package";
import { loadWorkbook, saveWorkbook } from "../exceljs/workbook";
import { generatedWorkbook } from "../excel/fixtures";
import { MESSY_FILE, MESSY_PROPOSED, MESSY_SHEET, messyWorkbookBytes } from "../helpers/messy-workbook";
import { writeWithOpenpyxl } from "../helpers/foreign-writers";
import { EXAMPLE_2025, portalExport, verticalRates2025 } from "../helpers/source-files";
import { readSource } from "../../src/core/sources/read-source";
import { partsOf } from "../helpers/package-parts";
import { gridsOf, xlsxBytes } from "../helpers/workbooks";
import { freshSampleBytes, snapshot, tempDir } from "../helpers/workbooks";
import { captureDownloads, type Download } from "./dom-stubs";

const SAMPLE_NAME = "theo-doi-thi-dua-kstthc-2023.xlsx";
const PROPOSED = ["Sở Ngoại vụ", "UBND huyện An Phú", "UBND huyện Phú Tân", "Bảo hiểm xã hội tỉnh"];
// The sample as staff start from it: no "Tiêu chí" sheet yet, two scores not entered.
let fresh: Uint8Array;
beforeAll(async () => (fresh = await freshSampleBytes()));
const sampleBytes = () => fresh.slice();

/** The bytes `kstthc score` writes for these bytes. */
function cliBytes(bytes: Uint8Array, options: RunOptions = {}): Uint8Array {
  const workbook = WorkbookPackage.open(bytes, "cli.xlsx");
  scorePackage(workbook, options);
  return workbook.save();
}

/** The same run with the page's codec (fflate at level 3): the bytes the page must give. */
function pageBytes(bytes: Uint8Array): Uint8Array {
  const workbook = WorkbookPackage.open(bytes, "page.xlsx", PAGE_CODEC);
  scorePackage(workbook);
  return workbook.save();
}

/** What `kstthc score` writes for these bytes, read back. */
async function cliOutput(bytes: Uint8Array, options: RunOptions = {}) {
  return loadWorkbook(cliBytes(bytes, options), "cli-output.xlsx");
}

let capture: ReturnType<typeof captureDownloads>;
beforeEach(() => (capture = captureDownloads()));
afterEach(() => capture.restore());

/** The port's download, read back as the user's Excel would open it. */
async function downloaded(port: FilePort): Promise<{ download: Download; workbook: ExcelJSWorkbook }> {
  const before = capture.downloads.length;
  port.file.download();
  expect(capture.downloads).toHaveLength(before + 1);
  const download = capture.downloads[before];
  return { download, workbook: await loadWorkbook(await download.bytes(), download.fileName) };
}
type ExcelJSWorkbook = Awaited<ReturnType<typeof loadWorkbook>>;

describe("file port over the sample workbook", () => {
  it("analyses without writing, scores, and downloads the CLI's file cell for cell", async () => {
    const port = await openFilePort(SAMPLE_NAME, sampleBytes());
    expect(port.file.name).toBe(SAMPLE_NAME);
    expect(port.file.sheetNames()).toEqual(["Theo dõi 2023"]);
    const preview = await port.analyse({});
    expect(preview.table.units).toHaveLength(33);
    // An analysis writes nothing: the file still has its one sheet.
    expect(port.file.sheetNames()).toEqual(["Theo dõi 2023"]);
    expect(port.selectCell).toBeUndefined();
    expect(port.getSelection).toBeUndefined();

    const result = await port.score({ output: "values" }, () => undefined);
    expect(result.scores.filter((s) => s.eligible).map((s) => s.unit.name)).toEqual(PROPOSED);
    // The sheets the tool wrote hold no unit table: they are not offered.
    expect(port.file.sheetNames()).toEqual(["Theo dõi 2023"]);

    const { download, workbook } = await downloaded(port);
    expect(download.fileName).toBe("theo-doi-thi-dua-kstthc-2023-da-tinh-diem.xlsx");
    expect(download.type).toBe(XLSX_MIME);
    expect(snapshot(workbook)).toEqual(snapshot(await cliOutput(sampleBytes())));
    // The CLI's parts byte for byte, compressed by the page's codec.
    const bytes = await download.bytes();
    const cliParts = partsOf(cliBytes(sampleBytes()));
    const pageParts = partsOf(bytes);
    expect([...pageParts.keys()]).toEqual([...cliParts.keys()]);
    for (const [name, data] of cliParts)
      expect([name, Buffer.from(data).equals(pageParts.get(name)!)]).toEqual([name, true]);
    expect(Buffer.from(bytes).equals(Buffer.from(pageBytes(sampleBytes())))).toBe(true);
  });

  it("gives the CLI's file in the formulas mode, and with a mapping the user chose", async () => {
    const options: RunOptions = {
      output: "formulas",
      sheet: "Theo dõi 2023",
      mapping: { headerRow: 4, name: 1, group: 2, stt: 0, score766: 3, rates: { tinh: 5, huyen: 5 } },
    };
    const port = await openFilePort(SAMPLE_NAME, sampleBytes());
    const result = await port.score(options, () => undefined);
    expect(result.scores.filter((s) => s.eligible).map((s) => s.unit.name)).toEqual([
      ...PROPOSED,
      "Công an tỉnh",
    ]);
    const { workbook } = await downloaded(port);
    expect(snapshot(workbook)).toEqual(snapshot(await cliOutput(sampleBytes(), options)));
  });

  it("scores a second time as the CLI scores its own output", async () => {
    const port = await openFilePort(SAMPLE_NAME, sampleBytes());
    await port.score({}, () => undefined);
    const first = await downloaded(port);
    await port.score({}, () => undefined);
    const second = await downloaded(port);
    const again = await cliOutput(await first.download.bytes());
    expect(snapshot(second.workbook)).toEqual(snapshot(again));
    expect(second.download.fileName).toBe("theo-doi-thi-dua-kstthc-2023-da-tinh-diem.xlsx");
  });

  it("scores its own output joined with sources again, with or without them, to the same bytes (#23)", async () => {
    const sources = [
      readSource(await gridsOf(verticalRates2025()), "bieu-ii07b.xlsx"),
      readSource(await gridsOf(portalExport()), "diem-766.xlsx"),
    ];
    const port = await openFilePort("theo-doi-2025.xlsx", new Uint8Array(await fs.readFile(EXAMPLE_2025)));
    const eligible = (r: { scores: { eligible: boolean; unit: { name: string } }[] }) =>
      r.scores.filter((s) => s.eligible).map((s) => s.unit.name);
    const first = eligible(await port.score({ sources }, () => undefined));
    const bytes = await (await downloaded(port)).download.bytes();
    for (const options of [{}, {}, { sources }]) {
      expect(eligible(await port.score(options, () => undefined))).toEqual(first);
      expect(Buffer.compare(await (await downloaded(port)).download.bytes(), bytes)).toBe(0);
    }
    expect(first).not.toContain("Thuế tỉnh An Giang");
  });

  it("writes over the tool's columns where a column inserted in the table moved them (#23)", async () => {
    const dir = await tempDir();
    try {
      const table = await writeWithOpenpyxl(
        dir,
        "goc.xlsx",
        [
          `ws.title = "Đơn vị"`,
          `ws.append(["STT", "Tên đơn vị", "Khối", "Điểm Bộ chỉ số 766 năm 2025"])`,
          `ws.append([1, "Sở Ngoại vụ", "Sở, ban, ngành", 85.2])`,
          `ws.append([2, "Sở Tư pháp", "Sở, ban, ngành", 80])`,
        ].join("\n"),
      );
      const port = await openFilePort("goc.xlsx", new Uint8Array(await fs.readFile(table)));
      await port.score({}, () => undefined);
      const scored = path.join(dir, "da-tinh.xlsx");
      await fs.writeFile(scored, await (await downloaded(port)).download.bytes());
      const moved = await writeWithOpenpyxl(
        dir,
        "da-chen-cot.xlsx",
        [`wb = openpyxl.load_workbook(${JSON.stringify(scored)})`, `wb["Đơn vị"].insert_cols(3)`].join("\n"),
      );
      const again = await openFilePort("da-chen-cot.xlsx", new Uint8Array(await fs.readFile(moved)));
      await again.score({}, () => undefined);
      const { workbook } = await downloaded(again);
      const header = workbook.getWorksheet("Đơn vị")!.getRow(1).values as unknown[];
      expect(header.filter((v) => v === "Điểm tiêu chí III")).toHaveLength(1);
      expect(header[6]).toBe("Điểm tiêu chí III");
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses yearly sheets, naming each, until the sheet is chosen (#23)", async () => {
    const bytes = await xlsxBytes([
      {
        name: "2024",
        rows: [
          ["STT", "Tên đơn vị", "Điểm 766"],
          [1, "Sở Ngoại vụ", 80.5],
        ],
      },
      {
        name: "2025",
        rows: [
          ["STT", "Tên đơn vị", "Điểm 766"],
          [1, "Sở Ngoại vụ", 90],
        ],
      },
    ]);
    const port = await openFilePort("theo-nam.xlsx", bytes);
    await expect(port.analyse({})).rejects.toThrow(
      "Có 2 bảng đơn vị có thể tính điểm: trang “2024” (dòng 1–2, năm 2024); trang “2025” (dòng 1–2, năm 2025).",
    );
    const result = await port.score({ sheet: "2025" }, () => undefined);
    expect(result.scores.filter((s) => s.eligible).map((s) => s.unit.name)).toEqual(["Sở Ngoại vụ"]);
  });

  it("writes the criteria sheet, which the next score then reads", async () => {
    const criteria = defaultCriteria().map((c) => (c.code === "III" ? { ...c, threshold: 79 } : c));
    const port = await openFilePort(SAMPLE_NAME, sampleBytes());
    await port.writeCriteria(criteria, defaultSettings());
    expect(port.file.sheetNames()).toEqual(["Theo dõi 2023"]);
    expect((await port.analyse({})).criteriaSource).toBe("sheet");
    const result = await port.score({}, () => undefined);
    expect(result.scores.filter((s) => s.eligible)).toHaveLength(8);

    // The CLI on a file whose "Tiêu chí" sheet was written the same way.
    const withCriteria = WorkbookPackage.open(sampleBytes(), SAMPLE_NAME);
    withCriteria.apply(criteriaWritePlan(criteria, defaultSettings()));
    const { workbook } = await downloaded(port);
    expect(snapshot(workbook)).toEqual(snapshot(await cliOutput(withCriteria.save())));
  });

  it("runs changes one after the other, each on the last one's bytes", async () => {
    const port = await openFilePort(SAMPLE_NAME, sampleBytes());
    const criteria = defaultCriteria().map((c) => (c.code === "III" ? { ...c, threshold: 79 } : c));
    // Asked together: the score must see the criteria sheet the first change writes.
    const [, result] = await Promise.all([
      port.writeCriteria(criteria, defaultSettings()),
      port.score({}, () => undefined),
    ]);
    expect(result.criteriaSource).toBe("sheet");
    expect(result.scores.filter((s) => s.eligible)).toHaveLength(8);
  });
});

describe("file port over a messy workbook", () => {
  it("finds the table past a notes sheet, scores it and downloads the CLI's file", async () => {
    const bytes = await messyWorkbookBytes();
    const port = await openFilePort(MESSY_FILE, bytes);
    // Hidden sheets are not offered as the table's sheet.
    expect(port.file.sheetNames()).toEqual(["Ghi chú", MESSY_SHEET]);
    const result = await port.score({}, () => undefined);
    expect(result.table.layout.sheet).toBe(MESSY_SHEET);
    expect(result.scores.filter((s) => s.eligible).map((s) => s.unit.name)).toEqual(MESSY_PROPOSED);
    // The letter's facts of the year, which the defaults do not know; the #N/A is an error, and no
    // "chưa có số liệu" warning repeats it (issue #11, item 17). The one-stop rates of the departments
    // and districts, which IV.9 (vertical-sector bodies only) leaves out, are noted once per group
    // (issue #23, item 3).
    expect(result.problems.map((p) => [p.level, p.row, p.column])).toEqual([
      ["warning", undefined, undefined],
      ["info", 6, "E"],
      ["error", 9, "D"],
      ["info", 11, "E"],
    ]);
    const { download, workbook } = await downloaded(port);
    expect(download.fileName).toBe("Bảng theo dõi (bản lỗi)-da-tinh-diem.xlsx");
    const expected = await cliOutput(bytes);
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual(
      expected.worksheets.map((s) => [s.name, s.state]),
    );
    expect(snapshot(workbook)).toEqual(snapshot(expected));
  });

  it("reads the sheet the user names", async () => {
    const port = await openFilePort(MESSY_FILE, await messyWorkbookBytes());
    await expect(port.analyse({ sheet: "Ghi chú" })).rejects.toThrow(UnusableInputError);
    expect((await port.analyse({ sheet: MESSY_SHEET })).table.units).toHaveLength(5);
  });
});

describe("files the port cannot use", () => {
  /** The error a promise fails with (an "accepted" error if it does not fail). */
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => new Error("accepted"),
      (error: Error) => error,
    );
  const refused = (name: string, bytes: Uint8Array) => failure(openFilePort(name, bytes));
  /** The CLI's sentence for the same file. */
  const cliRefusal = (name: string, bytes: Uint8Array) =>
    failure(Promise.resolve().then(() => WorkbookPackage.open(bytes, name)));

  it("says so, with the CLI's sentence, for a file that is not .xlsx, an old or locked one, a corrupt one", async () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const files: [string, Uint8Array, RegExp][] = [
      ["ghi-chu.xlsx", new Uint8Array(Buffer.from("Tên đơn vị;Điểm")), /không phải tệp Excel \.xlsx/],
      ["co-mat-khau.xlsx", encryptedWorkbookBytes(), /được đặt mật khẩu mở \(tệp đã mã hóa\)/],
      [
        "cu.xls",
        writeCfb([{ name: "Workbook", bytes: new Uint8Array(4096) }]),
        /là tệp Excel 97-2003 \(\.xls\)/,
      ],
      ["la.xlsx", ole, /là tệp Office cũ/],
      ["hong.xlsx", sampleBytes().slice(0, 4000), /^Không đọc được tệp “hong\.xlsx”/],
    ];
    for (const [name, bytes, says] of files) {
      const error = await refused(name, bytes);
      expect(error).toBeInstanceOf(UnusableInputError);
      expect(error.message).toMatch(says);
      expect(error.message).toBe((await cliRefusal(name, bytes)).message);
    }
  });

  it("refuses to score a protected sheet and leaves the file as it was", async () => {
    const bytes = await saveWorkbook(await generatedWorkbook(12, { protectSheet: true }));
    const port = await openFilePort("bao-ve.xlsx", bytes);
    await expect(port.score({}, () => undefined)).rejects.toThrow(/đang được bảo vệ \(Protect Sheet\)/);
    const { download } = await downloaded(port);
    expect(await download.bytes()).toEqual(bytes);
    // A failed change does not stop the next one.
    await expect(port.analyse({})).resolves.toBeDefined();
  });
});

describe("file port on workbooks other programs wrote (issue #11)", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  it("14. opens an openpyxl file with a comment and a chart, scores it and keeps both", async () => {
    const file = await writeWithOpenpyxl(
      dir,
      "bieu-do.xlsx",
      [
        `ws.title = "Đơn vị"`,
        `ws.append(["STT", "Tên đơn vị", "Điểm Bộ chỉ số 766"])`,
        `ws.append([1, "Sở Ngoại vụ", 85])`,
        `ws.append([2, "Sở Tư pháp", "=C2-10"])`,
        `ws["B2"].comment = Comment("Đã đối chiếu", "Văn phòng")`,
        `chart = BarChart()`,
        `chart.add_data(Reference(ws, min_col=3, min_row=1, max_row=3))`,
        `ws.add_chart(chart, "F2")`,
      ].join("\n"),
    );
    const port = await openFilePort("bieu-do.xlsx", new Uint8Array(await fs.readFile(file)));
    const result = await port.score({}, () => undefined);
    expect(result.scores.filter((s) => s.eligible).map((s) => s.unit.name)).toEqual(["Sở Ngoại vụ"]);
    expect(result.problems.map((p) => p.message)).toEqual([
      // Issue #10: no "Tiêu chí" sheet nor year, so the letter's facts are missing (one warning).
      expect.stringContaining("Trang “Tiêu chí”: Công văn còn thiếu: năm thi đua"),
      expect.stringContaining(
        "Trang “Đơn vị”, dòng 3, cột C: ô có công thức “=C2-10” nhưng tệp không lưu kết quả",
      ),
    ]);
    // The package adapter keeps the chart and the comment of the file it was given.
    port.file.download();
    const saved = await capture.downloads[capture.downloads.length - 1].bytes();
    const zip = await JSZip.loadAsync(saved);
    const parts = Object.keys(zip.files);
    // The user's chart as it was, and the tool's own chart of the 766 scores under its summary sheet.
    expect(parts.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
    ]);
    const original = await JSZip.loadAsync(await fs.readFile(file));
    await expect(zip.file("xl/charts/chart1.xml")?.async("string")).resolves.toBe(
      await original.file("xl/charts/chart1.xml")?.async("string"),
    );
    expect(parts.some((p) => /comments/i.test(p))).toBe(true);
  });

  it("16. says what a .docx or a plain zip named .xlsx really is, as the CLI does", async () => {
    const zipOf = async (files: Record<string, string>) => {
      const zip = new JSZip();
      for (const [part, text] of Object.entries(files)) zip.file(part, text);
      return zip.generateAsync({ type: "uint8array" });
    };
    const files: [string, Uint8Array, string][] = [
      ["van-ban.xlsx", await zipOf({ "word/document.xml": "<w:document/>" }), "là văn bản Word (.docx)"],
      ["nen.xlsx", await zipOf({ "bang.xlsx": "…" }), "là tệp nén .zip chứ không phải tệp Excel"],
    ];
    for (const [name, bytes, says] of files) {
      const error = await openFilePort(name, bytes).then(
        () => new Error("accepted"),
        (refusal: Error) => refusal,
      );
      expect(error).toBeInstanceOf(UnusableInputError);
      expect(error.message).toContain(`Tệp “${name}” ${says}`);
    }
  });
});

describe("scored file names", () => {
  it("adds the CLI's suffix once, keeps Vietnamese names in NFC", () => {
    expect(scoredFileName("theo-doi-2023.xlsx")).toBe("theo-doi-2023-da-tinh-diem.xlsx");
    expect(scoredFileName("theo-doi-2023-da-tinh-diem.xlsx")).toBe("theo-doi-2023-da-tinh-diem.xlsx");
    expect(scoredFileName("Theo dõi.xlsx".normalize("NFD"))).toBe("Theo dõi-da-tinh-diem.xlsx");
    expect(scoredFileName("bang.v2.XLSX")).toBe("bang.v2-da-tinh-diem.xlsx");
    expect(scoredFileName("khong-duoi")).toBe("khong-duoi-da-tinh-diem.xlsx");
  });
});
