/**
 * What the package adapter changes beyond the cells, on real files: the calculation chain, the sheets a
 * user named like the tool's, a workbook whose structure is protected.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { WorkbookPackage } from "../../src/xlsx/package/workbook-package";
import { partText, rawEntries, sheetPart, scoredPackage } from "../helpers/package-parts";
import { xlsxBytes, type SheetSpec } from "../helpers/workbooks";
import type { RunOptions } from "../../src/core/run";

const SHEET = "Đơn vị";

function unitSheet(userFormula: boolean): SheetSpec {
  const rows: SheetSpec["rows"] = [
    ["BẢNG THEO DÕI THI ĐUA"],
    userFormula ? [null, { formula: "1+1", result: 2 }] : [],
    ["STT", "Tên đơn vị", "Khối", "Điểm Bộ chỉ số 766"],
  ];
  for (let i = 1; i <= 8; i++) rows.push([i, `Đơn vị số ${i}`, "Sở, ban, ngành", 80 + i * 2]);
  return { name: SHEET, rows };
}

const run = (bytes: Uint8Array, options: RunOptions = {}) => scoredPackage(bytes, options);

/** Edits parts of a zip (a test's stand-in for a file Excel saved with these parts). */
function withParts(bytes: Uint8Array, edit: (parts: Record<string, string>) => void): Uint8Array {
  const files = unzipSync(bytes);
  const texts: Record<string, string> = {};
  for (const [name, data] of Object.entries(files))
    if (/\.(xml|rels)$/.test(name)) texts[name] = strFromU8(data);
  edit(texts);
  const out: Record<string, Uint8Array> = { ...files };
  for (const [name, text] of Object.entries(texts)) out[name] = strToU8(text);
  return zipSync(out);
}

/** A calculation chain listing every formula cell of the data sheet, as Excel keeps one. */
function addCalcChain(bytes: Uint8Array): Uint8Array {
  return withParts(bytes, (parts) => {
    const sheet = parts[sheetPart(bytes, SHEET)];
    const refs = [...sheet.matchAll(/<c r="([A-Z]+\d+)"[^>]*><f>/g)].map((m) => m[1]);
    parts["xl/calcChain.xml"] =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
      refs.map((r, i) => `<c r="${r}"${i === 0 ? ' i="1"' : ""}/>`).join("") +
      `</calcChain>`;
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
      "</Relationships>",
      `<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>`,
    );
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
      "</Types>",
      `<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>`,
    );
  });
}

describe("the calculation chain", () => {
  it("loses the entries of the formula cells the tool replaces, and keeps the user's", async () => {
    const formulas = run(await xlsxBytes([unitSheet(true)]), { output: "formulas" });
    const withChain = addCalcChain(formulas);
    expect((partText(withChain, "xl/calcChain.xml").match(/<c /g) ?? []).length).toBeGreaterThan(30);
    const values = run(withChain);
    expect(partText(values, "xl/calcChain.xml")).toMatch(
      /<calcChain\b[^>]*><c r="B2" i="1"\/><\/calcChain>$/,
    );
  });

  it("is dropped, with its relationship and content type, when it lists only the tool's cells", async () => {
    const withChain = addCalcChain(run(await xlsxBytes([unitSheet(false)]), { output: "formulas" }));
    const values = run(withChain);
    expect(rawEntries(values).map((e) => e.name)).not.toContain("xl/calcChain.xml");
    expect(partText(values, "xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(partText(values, "[Content_Types].xml")).not.toContain("calcChain");
  });
});

describe("sheets named like the tool's", () => {
  it("leaves a user's “Tổng hợp” sheet as it is and writes the summary beside it", async () => {
    const input = await xlsxBytes([
      unitSheet(false),
      { name: "Tổng hợp", rows: [["Sổ tổng hợp của phòng"]] },
    ]);
    const output = run(input);
    const names = WorkbookPackage.open(output, "out.xlsx").worksheets.map((s) => s.name);
    expect(names).toEqual([SHEET, "Tổng hợp", "Tiêu chí", "Tổng hợp (2)", "KSTTHC"]);
    const part = sheetPart(input, "Tổng hợp");
    const raw = (bytes: Uint8Array) => rawEntries(bytes).find((e) => e.name === part)?.raw;
    expect(Buffer.from(raw(output) as Uint8Array).equals(Buffer.from(raw(input) as Uint8Array))).toBe(true);
  });

  it("refuses, writing nothing, when a user's sheet has the name of the tool's hidden record in any case", async () => {
    const input = await xlsxBytes([unitSheet(false), { name: "kstthc", rows: [["Ghi chép riêng"]] }]);
    expect(() => run(input)).toThrow(
      "Tệp có trang “kstthc” trùng tên với trang ẩn “KSTTHC” mà công cụ dùng để ghi nhớ kết quả (Excel không phân biệt chữ hoa, chữ thường trong tên trang). Hãy đổi tên trang “kstthc” rồi chạy lại. Chưa có gì được ghi.",
    );
  });
});

describe("a workbook whose structure is protected", () => {
  const protect = (bytes: Uint8Array) =>
    withParts(bytes, (parts) => {
      parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        /<workbookPr\b[^>]*\/>/,
        (tag) => `${tag}<workbookProtection lockStructure="1"/>`,
      );
    });

  it("is refused when the tool must add sheets, as Excel refuses", async () => {
    const input = protect(await xlsxBytes([unitSheet(false)]));
    expect(() => run(input)).toThrow(/^Sổ tính đang được bảo vệ cấu trúc .* Chưa có gì được ghi\.$/);
  });

  it("is scored again, protection kept, when the tool's sheets are there already", async () => {
    const input = protect(run(await xlsxBytes([unitSheet(false)])));
    const output = run(input);
    expect(partText(output, "xl/workbook.xml")).toContain(`<workbookProtection lockStructure="1"/>`);
    expect(Buffer.from(output).equals(Buffer.from(run(output)))).toBe(true);
  });
});
