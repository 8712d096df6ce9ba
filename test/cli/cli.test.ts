/** The command-line tool on real files: the sample, edited copies and broken inputs. */
import ExcelJS from "exceljs";
import { execFileSync, spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import { defaultCriteria } from "../../src/core/criteria";
import { criteriaSheetRows } from "../../src/core/criteria-sheet/write";
import type { JsonReport } from "../../src/core/report";
import { defaultSettings } from "../../src/core/settings";
import { normalizeSpace, seedLetter } from "../helpers/seed-letter";
import { SAMPLE, buildWorkbook, cellValues, snapshot, tempDir, writeXlsx } from "../helpers/workbooks";
import { cli, readBook } from "../helpers/cli";

let dir: string;
let input: string;
beforeEach(async () => {
  dir = await tempDir();
  input = path.join(dir, "theo-doi.xlsx");
  await fs.copyFile(SAMPLE, input);
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

describe("kstthc score on the sample", () => {
  it("names exactly the units of the seed letter and drafts its body", async () => {
    const run = await cli("score", input, "--json");
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const report: JsonReport = JSON.parse(run.stdout);
    expect(report.eligible).toEqual([
      "Sở Ngoại vụ",
      "UBND huyện An Phú",
      "UBND huyện Phú Tân",
      "Bảo hiểm xã hội tỉnh",
    ]);
    const byName = new Map(report.units.map((u) => [u.name, u]));
    for (const name of ["Sở Ngoại vụ", "UBND huyện An Phú", "UBND huyện Phú Tân"]) {
      expect(byName.get(name)?.points).toEqual({ III: 30, "IV.9": 0 });
    }
    expect(byName.get("Bảo hiểm xã hội tỉnh")?.points).toEqual({ III: 0, "IV.9": 35 });
    expect(report.units).toHaveLength(33);
    expect(report.units.filter((u) => u.total > 0)).toHaveLength(4);
    expect(byName.get("Ban Quản lý Khu kinh tế")?.explanations.III).toBe("80,00 ≤ 80 → 0 điểm");
    expect(byName.get("Cục Thuế tỉnh")?.explanations["IV.9"]).toBe("cấp huyện 96,5% < 100% → 0 điểm");

    expect(report.letter.paragraphs.map(normalizeSpace)).toEqual(seedLetter().body);
    expect(report.problems.every((p) => p.sheet && p.message.startsWith(`Trang “${p.sheet}”`))).toBe(true);
  });

  it("prints a readable Vietnamese summary and writes beside the input, leaving the input as it was", async () => {
    const before = await fs.readFile(input);
    const run = await cli("score", input);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "Bảng đơn vị: trang “Theo dõi 2023”, tiêu đề ở dòng 5–6, 33 đơn vị ở dòng 9–43.",
    );
    expect(run.stdout).toContain("  4. Bảo hiểm xã hội tỉnh (IV.9: 35 điểm; tổng 35)");
    expect(run.stdout).toContain(`Đã ghi tệp kết quả: ${path.join(dir, "theo-doi-da-tinh-diem.xlsx")}`);
    expect(await fs.readFile(input)).toEqual(before);
    expect((await fs.readdir(dir)).sort()).toEqual(["theo-doi-da-tinh-diem.xlsx", "theo-doi.xlsx"]);
  });

  it("writes the output columns, the highlight and the summary sheet", async () => {
    const output = path.join(dir, "out.xlsx");
    expect((await cli("score", input, "-o", output)).code).toBe(0);
    const book = await readBook(output);
    expect(book.worksheets.map((s) => [s.name, s.state])).toEqual([
      ["Theo dõi 2023", "visible"],
      ["Tiêu chí", "visible"],
      ["Tổng hợp", "visible"],
      ["KSTTHC", "hidden"],
    ]);
    const sheet = book.getWorksheet("Theo dõi 2023")!;
    const headers = [8, 9, 10, 11, 12, 13].map((c) => sheet.getCell(5, c).value);
    expect(headers).toEqual([
      "Điểm tiêu chí III",
      "Điểm tiêu chí IV.9",
      "Tổng điểm thi đua",
      "Xếp loại 766",
      "Đề xuất khen thưởng",
      "Cách tính điểm",
    ]);
    expect(sheet.getCell("H5").isMerged && sheet.getCell("H6").master.address).toBe("H5");
    const row = (name: string) => {
      let found = 0;
      sheet.eachRow((r, n) => {
        if (r.getCell(2).value === name) found = n;
      });
      return [8, 9, 10, 11, 12, 13].map((c) => sheet.getRow(found).getCell(c).value);
    };
    expect(row("Sở Ngoại vụ")).toEqual([
      30,
      0,
      30,
      "Tốt",
      "Có",
      "III: 84,37 > 80 → 30 điểm; IV.9: không áp dụng",
    ]);
    expect(row("Ban Quản lý Khu kinh tế")).toEqual([
      0,
      0,
      0,
      "Tốt",
      "Không",
      "III: 80,00 ≤ 80 → 0 điểm; IV.9: không áp dụng",
    ]);
    // No 766 score, no rating: a blank cell, as Excel leaves it when the add-in writes "".
    expect(row("Bảo hiểm xã hội tỉnh").slice(0, 5)).toEqual([0, 35, 35, null, "Có"]);
    // The section row "II. UBND CẤP HUYỆN" gets no output.
    expect(sheet.getCell("M26").value).toBeNull();

    const rules = (sheet as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    expect(rules).toHaveLength(1);
    expect(rules[0].ref).toBe("A9:M43");
    expect(rules[0].rules[0]).toMatchObject({ type: "expression", formulae: ['$L9="Có"'] });

    const summary = book.getWorksheet("Tổng hợp")!;
    const texts: string[] = [];
    summary.eachRow((r) =>
      r.eachCell((c) => typeof c.value === "string" && c.master === c && texts.push(c.value)),
    );
    expect(texts).toEqual(
      expect.arrayContaining(["UBND TỈNH AN GIANG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]),
    );
    expect(texts).toContain("Kính gửi: Sở Nội vụ (Ban thi đua khen thưởng)");
    // Body paragraphs start with a first-line indent of two em spaces, as the .docx indents them.
    expect(texts.filter((t) => t.startsWith("\u2003\u2003Căn cứ"))).toHaveLength(2);
    // The list's reference keeps room for the number to be written by hand, as the .docx does.
    expect(texts).toContainEqual(
      expect.stringMatching(/^\(Kèm theo Công văn số[\s\u00a0]{4,}\/VPUBND-TH ngày 05 tháng 02 năm 2024\)$/u),
    );
    expect(summary.pageSetup).toMatchObject({ paperSize: 9, orientation: "portrait", fitToWidth: 1 });
    expect(summary.pageSetup.margins).toMatchObject({ left: 1.181, right: 0.591, top: 0.787, bottom: 0.787 });
    expect(summary.getCell("A1").font).toMatchObject({ name: "Times New Roman", size: 13 });
  });

  it("changes no cell outside its own output, compared cell by cell", async () => {
    const output = path.join(dir, "out.xlsx");
    await cli("score", input, "-o", output);
    const before = cellValues((await readBook(input)).getWorksheet("Theo dõi 2023")!);
    const after = cellValues((await readBook(output)).getWorksheet("Theo dõi 2023")!);
    const ownColumns = /^[H-M]\d+$/;
    let compared = 0;
    for (const [address, value] of before) {
      if (ownColumns.test(address)) continue;
      expect([address, after.get(address)]).toEqual([address, value]);
      compared++;
    }
    for (const address of after.keys()) if (!ownColumns.test(address)) expect(before.has(address)).toBe(true);
    expect(compared).toBeGreaterThan(250);
  });

  it("gives the same workbook when run twice, and replaces only its own output", async () => {
    const first = path.join(dir, "first.xlsx");
    const second = path.join(dir, "second.xlsx");
    await cli("score", input, "-o", first);
    await cli("score", first, "-o", second);
    expect(snapshot(await readBook(second))).toEqual(snapshot(await readBook(first)));
  });

  it("updates its output after staff edit a score, and keeps their other edits", async () => {
    const first = path.join(dir, "first.xlsx");
    await cli("score", input, "-o", first);
    const book = await readBook(first);
    const sheet = book.getWorksheet("Theo dõi 2023")!;
    sheet.getCell("D25").value = 80.5; // Ban Quản lý Khu kinh tế
    sheet.getCell("G9").value = "Đã kiểm tra";
    sheet.getCell("N30").value = "ghi chú riêng";
    await book.xlsx.writeFile(first);
    const run = await cli("score", first, "-o", first, "--json");
    const report: JsonReport = JSON.parse(run.stdout);
    expect(report.eligible).toContain("Ban Quản lý Khu kinh tế");
    const again = (await readBook(first)).getWorksheet("Theo dõi 2023")!;
    expect(again.getCell("L25").value).toBe("Có");
    expect(again.getCell("G9").value).toBe("Đã kiểm tra");
    expect(again.getCell("N30").value).toBe("ghi chú riêng");
  });
});

describe("kstthc score --formulas", () => {
  /** The stored formula (without "=") and the cached result of a cell, as ExcelJS reads them back. */
  const formulaOf = (cell: ExcelJS.Cell) => {
    const value = cell.value as { formula?: string } | null;
    return value && typeof value === "object" && "formula" in value
      ? { formula: value.formula, result: (cell as unknown as { result?: unknown }).result }
      : { value: cell.value };
  };

  it("writes the add-in's formulas with the values as their cached results, under Excel's stored names", async () => {
    const output = path.join(dir, "cong-thuc.xlsx");
    const run = await cli("score", input, "-o", output, "--formulas");
    expect(run.code).toBe(0);
    const book = await readBook(output);
    const sheet = book.getWorksheet("Theo dõi 2023")!;
    const range = "'Tiêu chí'!$A$3:$L$5";
    const settings = "'Tiêu chí'!$A$3:$L$74";
    // Sở Ngoại vụ, row 24.
    expect(sheet.getCell("B24").value).toBe("Sở Ngoại vụ");
    expect(["H24", "I24", "J24", "K24", "L24", "M24"].map((a) => formulaOf(sheet.getCell(a)))).toEqual([
      { formula: `_xldudf_KSTTHC_DIEM("III",D24,${range})`, result: 30 },
      { value: 0 },
      { formula: "SUM(H24:I24)", result: 30 },
      { formula: `_xldudf_KSTTHC_XEPLOAI(D24,${settings})`, result: "Tốt" },
      { formula: `_xldudf_KSTTHC_DEXUAT(H24:I24,${settings})`, result: "Có" },
      { value: "III: 84,37 > 80 → 30 điểm; IV.9: không áp dụng" },
    ]);
    expect(formulaOf(sheet.getCell("I39"))).toEqual({
      formula: `_xldudf_KSTTHC_DIEM("IV.9",MIN(E39:F39),${range})`,
      result: 35,
    });
    // The same numbers as the values mode, cell by cell, and the same sheets.
    const plain = path.join(dir, "gia-tri.xlsx");
    await cli("score", input, "-o", plain);
    const values = await readBook(plain);
    const valuesSheet = values.getWorksheet("Theo dõi 2023")!;
    let formulas = 0;
    for (let row = 9; row <= 43; row++) {
      for (let col = 8; col <= 13; col++) {
        const cell = sheet.getCell(row, col);
        const read = formulaOf(cell);
        if ("formula" in read) formulas++;
        // ExcelJS reads an empty text result (<v></v>, the empty band of a unit without a 766 score) as none;
        // the values run leaves that cell blank.
        const shown = "formula" in read ? (read.result ?? null) : read.value;
        expect([cell.address, shown === "" ? null : shown]).toEqual([
          cell.address,
          valuesSheet.getCell(row, col).value,
        ]);
      }
    }
    // DIEM of III for the 28 units of the 766 groups, of IV.9 for the 5 vertical-sector ones.
    expect(formulas).toBe(28 + 5 + 33 * 3);
    expect(book.worksheets.map((w) => w.name)).toEqual(values.worksheets.map((w) => w.name));
    expect(snapshot(book)["Tổng hợp"]).toEqual(snapshot(values)["Tổng hợp"]);
    // The JSON report does not change with the mode.
    const json = (await cli("score", input, "-o", output, "--formulas", "--json")).stdout;
    const again = (await cli("score", input, "-o", plain, "--json")).stdout;
    expect(JSON.parse(json)).toEqual(JSON.parse(again));
  });

  it("keeps a unit named =1+1 as text", async () => {
    const file = await writeXlsx(dir, "tiem.xlsx", [
      {
        name: "Đơn vị",
        rows: [
          ["STT", "Tên đơn vị", "Điểm 766"],
          [1, "=1+1", 90],
        ],
      },
    ]);
    const output = path.join(dir, "tiem-out.xlsx");
    expect((await cli("score", file, "-o", output, "--formulas")).code).toBe(0);
    const book = await readBook(output);
    expect(book.getWorksheet("Đơn vị")!.getCell("B2").type).toBe(ExcelJS.ValueType.String);
    expect(formulaOf(book.getWorksheet("Đơn vị")!.getCell("D2"))).toEqual({
      formula: `_xldudf_KSTTHC_DIEM("III",C2,'Tiêu chí'!$A$3:$L$5)`,
      result: 30,
    });
    const names: ExcelJS.Cell[] = [];
    book.getWorksheet("Tổng hợp")!.eachRow((r) => r.eachCell((c) => c.value === "=1+1" && names.push(c)));
    // The list of proposed units and the chart's data.
    expect(names).toHaveLength(2);
    for (const name of names) expect(name.type).toBe(ExcelJS.ValueType.String);
  });

  it("is an option of score only, listed in the usage", async () => {
    const run = await cli("letter", input, "--docx", path.join(dir, "cv.docx"), "--formulas");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--formulas chỉ dùng với lệnh score");
    expect((await cli("--help")).stdout).toContain(
      "--formulas          Ghi công thức =KSTTHC.DIEM(…) thay cho giá trị (cần add-in để tính lại).",
    );
  });
});

describe("user text stays text", () => {
  it("writes a unit named =1+1 as text in the output and the summary", async () => {
    const file = await writeXlsx(dir, "tiem.xlsx", [
      {
        name: "Đơn vị",
        rows: [
          ["STT", "Tên đơn vị", "Điểm 766"],
          [1, "=1+1", 90],
          [2, "@SUM(A1)", 85],
        ],
      },
    ]);
    const output = path.join(dir, "tiem-out.xlsx");
    const run = await cli("score", file, "-o", output, "--json");
    expect(run.code).toBe(0);
    const report: JsonReport = JSON.parse(run.stdout);
    expect(report.eligible).toEqual(["=1+1", "@SUM(A1)"]);
    const book = await readBook(output);
    const summary = book.getWorksheet("Tổng hợp")!;
    const names: ExcelJS.Cell[] = [];
    summary.eachRow((r) => r.eachCell((c) => c.value === "=1+1" && names.push(c)));
    // The list of proposed units and the chart's data.
    expect(names).toHaveLength(2);
    for (const name of names) expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(book.getWorksheet("Đơn vị")!.getCell("B2").type).toBe(ExcelJS.ValueType.String);
    expect(JSON.stringify(snapshot(book))).not.toContain('"formula"');
  });

  it("keeps +, -, markup and a formula-like setting as plain text everywhere it writes them", async () => {
    const criteria = criteriaSheetRows(defaultCriteria(), defaultSettings());
    criteria[criteria.findIndex((r) => r[0] === "Kính gửi")][1] = '=HYPERLINK("http://x","Sở Nội vụ")';
    const file = await writeXlsx(dir, "tiem2.xlsx", [
      {
        name: "Đơn vị",
        rows: [
          ["STT", "Tên đơn vị", "Điểm 766"],
          [1, "+A1", 90],
          [2, "-B2", 85],
          [3, "<script>alert(1)</script> & “x”", 95],
        ],
      },
      { name: "Tiêu chí", rows: criteria },
    ]);
    const output = path.join(dir, "tiem2-out.xlsx");
    expect((await cli("score", file, "-o", output)).code).toBe(0);
    const book = await readBook(output);
    const texts: ExcelJS.Cell[] = [];
    book.eachSheet((sheet) =>
      sheet.eachRow((r) =>
        r.eachCell((c) => {
          // Merged cells other than the top-left one repeat its value: look at each text once.
          const own = c.master === c;
          if (own && typeof c.value === "string" && /^[+\-=<]|HYPERLINK/.test(c.value)) texts.push(c);
        }),
      ),
    );
    const values = texts.map((c) => c.value);
    expect(values).toEqual(expect.arrayContaining(["+A1", "-B2", "<script>alert(1)</script> & “x”"]));
    expect(values).toContain('Kính gửi: =HYPERLINK("http://x","Sở Nội vụ")');
    for (const cell of texts) expect(cell.type).toBe(ExcelJS.ValueType.String);
  });
});

describe("bad input and usage", () => {
  it.each([
    [
      "a missing file",
      async () => path.join(dir, "khong-co.xlsx"),
      /^Lỗi: Không tìm thấy hoặc không đọc được tệp/,
    ],
    [
      "a text file named .xlsx",
      async () => {
        const f = path.join(dir, "gia.xlsx");
        await fs.writeFile(f, "STT,Tên đơn vị\n1,Sở Y tế\n");
        return f;
      },
      new RegExp(
        `^Lỗi: Tệp “gia.xlsx” là tệp văn bản \\(chữ thường hoặc \\.csv\\), không phải tệp Excel \\.xlsx: hãy mở bằng Excel`,
      ),
    ],
    [
      "an OLE file with no workbook or encryption stream (.xls and encrypted files: test/cli/file-kinds.test.ts)",
      async () => {
        const f = path.join(dir, "cu.xlsx");
        await fs.writeFile(f, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
        return f;
      },
      /^Lỗi: Tệp “cu.xlsx” là tệp Office cũ \(Word, PowerPoint… dạng 97-2003\), không phải bảng tính/,
    ],
    [
      "a workbook without a unit table",
      () => writeXlsx(dir, "trong.xlsx", [{ name: "Trang 1", rows: [["Họp giao ban"]] }]),
      /^Lỗi: Không tìm thấy bảng đơn vị trong tệp/,
    ],
    [
      "an invalid criteria sheet",
      () =>
        writeXlsx(dir, "tieuchi.xlsx", [
          {
            name: "Đơn vị",
            rows: [
              ["Tên đơn vị", "Điểm 766"],
              ["Sở Y tế", 70],
            ],
          },
          {
            name: "Tiêu chí",
            rows: [
              ["Mã", "Điểm tối đa", "Dữ liệu"],
              ["III", 30, "Điểm 766"],
            ],
          },
        ]),
      /^Lỗi: Trang “Tiêu chí”, dòng 1: bảng tiêu chí thiếu cột “Cách tính”./,
    ],
    [
      "a password-protected data sheet",
      async () => {
        const book = buildWorkbook([
          {
            name: "Đơn vị",
            rows: [
              ["Tên đơn vị", "Điểm 766"],
              ["Sở Y tế", 70],
            ],
          },
        ]);
        await book.getWorksheet("Đơn vị")!.protect("mat-khau", {});
        const f = path.join(dir, "khoa.xlsx");
        await book.xlsx.writeFile(f);
        return f;
      },
      /^Lỗi: Trang “Đơn vị” đang được bảo vệ \(Protect Sheet\) nên không ghi được kết quả/,
    ],
    [
      "a corrupt .xlsx (a zip cut short)",
      async () => {
        const f = path.join(dir, "hong.xlsx");
        await fs.writeFile(f, (await fs.readFile(SAMPLE)).subarray(0, 4000));
        return f;
      },
      /^Lỗi: Không đọc được tệp “hong.xlsx”: tệp bị hỏng hoặc không phải tệp .xlsx. Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi thử lại.\n$/,
    ],
    [
      "a workbook with one empty sheet",
      () => writeXlsx(dir, "rong.xlsx", [{ name: "Sheet1", rows: [] }]),
      /^Lỗi: Không tìm thấy bảng đơn vị trong tệp/,
    ],
  ])("exits 1 on %s, with a message and nothing written", async (_case, make, message) => {
    const file = await make();
    const before = (await fs.readdir(dir)).sort();
    const run = await cli("score", file, "-o", path.join(dir, "ket-qua.xlsx"));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect((await fs.readdir(dir)).sort()).toEqual(before);
  });

  it.each([
    [[]],
    [["tinh", "a.xlsx"]],
    [["score"]],
    [["score", "a.xlsx", "--khong-co"]],
    [["score", "a.xlsx", "--map", "ten=1"]],
  ])("exits 2 on the usage error %p", async (argv) => {
    const run = await cli(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Cách dùng:");
  });

  it.each([
    [["score", "a.xlsx", "--khong-co"], "Tùy chọn “--khong-co” không có."],
    [["score", "a.xlsx", "-x"], "Tùy chọn “-x” không có."],
    [["score", "a.xlsx", "-o"], "Tùy chọn “--output” cần một giá trị."],
    [["score", "a.xlsx", "--json=1"], "Tùy chọn “--json” không nhận giá trị."],
  ])("says what is wrong with the options %p in Vietnamese", async (argv, message) => {
    const run = await cli(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/Unknown option|argument missing|does not take/);
  });

  it("scores with an explicit mapping and header row", async () => {
    const file = await writeXlsx(dir, "map.xlsx", [
      { name: "S", rows: [["Bảng"], ["Cột 1", "Cột 2", "Cột 3"], ["Sở Ngoại vụ", "x", 84.37]] },
    ]);
    const output = path.join(dir, "map-out.xlsx");
    const run = await cli(
      "score",
      file,
      "-o",
      output,
      "--map",
      "ten=A,diem766=C",
      "--header-row",
      "2",
      "--json",
    );
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).eligible).toEqual(["Sở Ngoại vụ"]);
    // The workbook keeps the mapping, so the next run without --map reads the table the same way.
    const again = await cli("score", output, "-o", output, "--json");
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).eligible).toEqual(["Sở Ngoại vụ"]);
    const meta = (await readBook(output)).getWorksheet("KSTTHC")!;
    const kept: unknown[] = [];
    meta.eachRow((r) => kept.push(r.values));
    expect(JSON.stringify(kept)).toContain('"Chỉ định cột","ten=A,diem766=C,dong=2"');
  });
});

describe("the installed command", () => {
  const root = path.join(__dirname, "..", "..");
  const bin = path.join(root, "lib", "kstthc.cjs");
  beforeAll(() => {
    execFileSync("npm", ["run", "-s", "build:cli"], { cwd: root });
  });

  it("runs as a separate process with the same result", () => {
    const run = spawnSync(process.execPath, [bin, "score", input, "--json"], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).eligible).toHaveLength(4);
    const usage = spawnSync(process.execPath, [bin, "score"], { encoding: "utf8" });
    expect(usage.status).toBe(2);
  });

  it("counts the vertical-sector units, which criterion III does not fit, as “không áp dụng” (npm run demo)", async () => {
    const out = path.join(dir, "demo-da-tinh-diem.xlsx");
    const run = spawnSync(process.execPath, [bin, "score", input, "-o", out], { encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      "  Cơ quan ngành dọc: 5 đơn vị — Xuất sắc 0, Tốt 0, Khá 0, Trung bình 0, Yếu 0; chưa có điểm 0; không áp dụng 5; trên ngưỡng (> 80): 0",
    );
    const json = spawnSync(process.execPath, [bin, "score", input, "--json"], { encoding: "utf8" });
    const { distribution } = JSON.parse(json.stdout) as JsonReport;
    expect(distribution.map((g) => [g.group, g.units, g.noScore, g.notApplicable])).toEqual([
      ["Sở, ban, ngành", 17, 0, 0],
      ["UBND cấp huyện", 11, 0, 0],
      ["Cơ quan ngành dọc", 5, 0, 5],
    ]);
    // The summary sheet's table has the column too, the vertical sector's 5 under it.
    const summary = (await readBook(out)).getWorksheet("Tổng hợp")!;
    const rows: unknown[][] = [];
    summary.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const header = rows.find((r) => r.includes("Không áp dụng"))!;
    expect(header.slice(0, 11)).toEqual([
      "STT",
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
    expect(rows.find((r) => r[1] === "Cơ quan ngành dọc" && r[2] === 5)?.slice(0, 11)).toEqual([
      3,
      "Cơ quan ngành dọc",
      5,
      0,
      0,
      0,
      0,
      0,
      0,
      5,
      0,
    ]);
  });

  it("loads the zip library only to read a workbook, the Word exporter (docx) only to write a letter, and never ExcelJS", async () => {
    // Preloaded into the command's process: names at exit the packages it required among these three.
    const probe = path.join(dir, "probe.cjs");
    await fs.writeFile(
      probe,
      `process.on("exit", () => process.stderr.write("loaded:" + ["exceljs", "fflate", "docx"].filter((p) => Object.keys(require.cache).some((k) => k.includes("node_modules" + require("path").sep + p + require("path").sep))).join(",")));`,
    );
    const loaded = (...argv: string[]) => {
      const run = spawnSync(process.execPath, ["--require", probe, bin, ...argv], { encoding: "utf8" });
      expect(run.status).toBe(0);
      return /loaded:(.*)$/.exec(run.stderr)?.[1];
    };
    expect(loaded("--help")).toBe("");
    expect(loaded("score", input, "--json")).toBe("fflate");
    expect(loaded("score", input, "--json", "--docx", path.join(dir, "cv.docx"))).toBe("fflate,docx");
    expect(loaded("letter", input, "--docx", path.join(dir, "cv2.docx"))).toBe("fflate,docx");
  });
});
