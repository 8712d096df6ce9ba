/** The letter as a Word document: read back from the .docx bytes and checked against Nghị định 30/2020. */
import { defaultCriteria, type Criterion } from "../../src/core/criteria";
import type { LetterModel } from "../../src/core/letter";
import { formatNumberVi, formatScore766 } from "../../src/core/numbers";
import type { RunResult } from "../../src/core/run";
import type { UnitScore } from "../../src/core/scoring";
import { letterToDocx } from "../../src/docx/letter-docx";
import {
  all,
  find,
  kid,
  kids,
  openDocx,
  paragraphFormat,
  textOf,
  val,
  type OpenedDocx,
  type XmlElement,
} from "./docx-xml";
import { normalizeSpace, scoreSample, seedBodyParagraphs, twips } from "./fixtures";

const TNR = "Times New Roman";
/** Font sizes are written in half-points. */
const hp = (points: number) => points * 2;

let result: RunResult;
let letter: LetterModel;
let docx: OpenedDocx;

beforeAll(async () => {
  result = await scoreSample();
  letter = result.letter;
  docx = await openDocx(await letterToDocx(letter, result.scores, result.criteria));
});

/** Top-level blocks of the body, in order: header table, "Kính gửi", body, signature table, appendix. */
function blocks() {
  const children = docx.body.children.filter((c) => c.name === "w:p" || c.name === "w:tbl");
  const tables = children.filter((c) => c.name === "w:tbl");
  const afterHeader = children.slice(children.indexOf(tables[0]) + 1);
  const recipient = afterHeader[0];
  const body = afterHeader.slice(1, afterHeader.indexOf(tables[1]));
  const appendixStart = children.indexOf(tables[1]) + 1;
  return { children, tables, recipient, body, appendix: children.slice(appendixStart) };
}

const cellsOf = (row: XmlElement) => kids(row, "w:tc");
const paragraphsOf = (cell: XmlElement) => kids(cell, "w:p");
const rowsOf = (table: XmlElement) => kids(table, "w:tr");
const sections = () => all(docx.document, "w:sectPr");

describe("page", () => {
  it("is A4 portrait with margins 20/20/30/15 mm in the letter's section", () => {
    // The well-known twip values of A4 and the decree's margins, derived from millimetres.
    expect([twips(210), twips(297), twips(20), twips(30), twips(15)]).toEqual([
      11906, 16838, 1134, 1701, 850,
    ]);
    const letterSection = sections()[0];
    const size = kid(letterSection, "w:pgSz")!;
    expect(Number(size.attrs["w:w"])).toBe(twips(210));
    expect(Number(size.attrs["w:h"])).toBe(twips(297));
    expect(size.attrs["w:orient"] ?? "portrait").toBe("portrait");
    const margin = kid(letterSection, "w:pgMar")!.attrs;
    expect(Number(margin["w:top"])).toBe(twips(20));
    expect(Number(margin["w:bottom"])).toBe(twips(20));
    expect(Number(margin["w:left"])).toBe(twips(30));
    expect(Number(margin["w:right"])).toBe(twips(15));
    // The page number sits in the top margin, above the text.
    expect(Number(margin["w:header"])).toBeLessThan(twips(20));
  });

  it("keeps every table within the text width", () => {
    const textWidth = twips(210) - twips(30) - twips(15);
    for (const table of all(docx.body, "w:tbl")) {
      const grid = all(table, "w:gridCol").map((c) => Number(c.attrs["w:w"]));
      expect(grid.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(textWidth);
    }
  });

  it("sets Times New Roman for every run and as the document default", () => {
    const runs = [docx.document, ...docx.headers.values()].flatMap((part) => all(part, "w:r"));
    expect(runs.length).toBeGreaterThan(50);
    for (const run of runs) {
      const fonts = find(run, "w:rPr", "w:rFonts")!.attrs;
      expect([fonts["w:ascii"], fonts["w:hAnsi"], fonts["w:cs"], fonts["w:eastAsia"]]).toEqual([
        TNR,
        TNR,
        TNR,
        TNR,
      ]);
    }
    const defaults = find(docx.styles, "w:styles", "w:docDefaults", "w:rPrDefault", "w:rPr", "w:rFonts");
    expect(val(defaults, "w:ascii")).toBe(TNR);
  });
});

describe("header table", () => {
  const header = () => blocks().tables[0];

  it("comes first, has two columns and no borders", () => {
    expect(blocks().children[0]).toBe(header());
    expect(all(header(), "w:gridCol")).toHaveLength(2);
    const borders = find(header(), "w:tblPr", "w:tblBorders")!;
    expect(borders.children.map((b) => b.name).sort()).toEqual(
      ["w:bottom", "w:insideH", "w:insideV", "w:left", "w:right", "w:top"].sort(),
    );
    for (const side of borders.children) expect(val(side)).toBe("none");
    expect(all(header(), "w:tcBorders")).toHaveLength(0);
  });

  it("puts the issuer, number and subject left, the national title, motto and date right", () => {
    const [first, second] = rowsOf(header());
    const text = (cell: XmlElement) => paragraphsOf(cell).map(textOf);
    const [issuer, national] = cellsOf(first);
    const [numbering, date] = cellsOf(second);
    expect(text(issuer)).toEqual([letter.parentBody, letter.issuingBody, ""]);
    expect(text(national)).toEqual([letter.nationalTitle, letter.motto, ""]);
    expect(text(numbering)).toEqual([letter.number, letter.subject]);
    expect(text(date)).toEqual([letter.placeAndDate]);
    expect(letter.placeAndDate).toBe("An Giang, ngày 05 tháng 02 năm 2024");
  });

  it("sizes and weights each block as the decree does", () => {
    const [first, second] = rowsOf(header());
    const [issuer, national] = cellsOf(first).map(paragraphsOf);
    const [numbering, date] = cellsOf(second).map(paragraphsOf);
    const format = (size: number, bold = false, italics = false) => ({
      font: TNR,
      size: hp(size),
      bold,
      italics,
    });
    expect(paragraphFormat(issuer[0])).toEqual(format(13)); // parent body: upper case, not bold
    expect(paragraphFormat(issuer[1])).toEqual(format(13, true));
    expect(paragraphFormat(numbering[0])).toEqual(format(13));
    expect(paragraphFormat(numbering[1])).toEqual(format(12));
    expect(paragraphFormat(national[0])).toEqual(format(12, true));
    expect(paragraphFormat(national[1])).toEqual(format(13, true));
    expect(paragraphFormat(date[0])).toEqual(format(14, false, true));
    for (const text of [letter.parentBody, letter.issuingBody, letter.nationalTitle]) {
      expect(text).toBe(text.toLocaleUpperCase("vi"));
    }
    for (const p of [...issuer, ...national, ...numbering, ...date]) {
      expect(val(find(p, "w:pPr", "w:jc"))).toBe("center");
    }
  });

  it("draws a short rule under the issuing body and under the motto", () => {
    const [issuerCell, nationalCell] = cellsOf(rowsOf(header())[0]);
    const cellWidth = (cell: XmlElement) => Number(find(cell, "w:tcPr", "w:tcW")!.attrs["w:w"]);
    for (const cell of [issuerCell, nationalCell]) {
      const rule = paragraphsOf(cell)[2];
      const top = find(rule, "w:pPr", "w:pBdr", "w:top");
      expect(val(top)).toBe("single");
      const indent = find(rule, "w:pPr", "w:ind")!.attrs;
      const ruleWidth = cellWidth(cell) - Number(indent["w:left"]) - Number(indent["w:right"]);
      // Shorter than the column, and centred in it.
      expect(ruleWidth).toBeGreaterThan(twips(10));
      expect(ruleWidth).toBeLessThan(cellWidth(cell) * 0.75);
      expect(indent["w:left"]).toBe(indent["w:right"]);
    }
  });
});

describe("body", () => {
  it("opens with “Kính gửi: …” in 14 pt", () => {
    const { recipient } = blocks();
    expect(textOf(recipient)).toBe(letter.recipientLine);
    expect(paragraphFormat(recipient)).toEqual({ font: TNR, size: hp(14), bold: false, italics: false });
  });

  it("has the letter model's paragraphs, in order, and the seed letter's body", () => {
    const texts = blocks().body.map(textOf);
    expect(texts).toEqual(letter.paragraphs);
    expect(texts.map(normalizeSpace)).toEqual(seedBodyParagraphs());
  });

  it("sets them in 14 pt, justified, with a 1,27 cm first-line indent, 6 pt after, 1,15–1,5 lines", () => {
    for (const p of blocks().body) {
      expect(paragraphFormat(p)).toEqual({ font: TNR, size: hp(14), bold: false, italics: false });
      const pPr = kid(p, "w:pPr");
      expect(val(find(pPr, "w:jc"))).toBe("both");
      expect(Number(find(pPr, "w:ind")!.attrs["w:firstLine"])).toBe(twips(12.7));
      const spacing = find(pPr, "w:spacing")!.attrs;
      expect(Number(spacing["w:after"])).toBe(6 * 20);
      expect(spacing["w:lineRule"]).toBe("auto");
      const line = Number(spacing["w:line"]) / 240;
      expect(line).toBeGreaterThanOrEqual(1.15);
      expect(line).toBeLessThanOrEqual(1.5);
    }
  });
});

describe("signature table", () => {
  const signature = () => blocks().tables[1];

  it("is borderless, with “Nơi nhận:” and the distribution left and the signer right", () => {
    for (const side of find(signature(), "w:tblPr", "w:tblBorders")!.children) expect(val(side)).toBe("none");
    const [left, right] = cellsOf(rowsOf(signature())[0]).map(paragraphsOf);
    expect(left.map(textOf)).toEqual([letter.distributionTitle, ...letter.distribution]);
    expect(letter.distributionTitle).toBe("Nơi nhận:");
    expect(paragraphFormat(left[0])).toEqual({ font: TNR, size: hp(12), bold: true, italics: true });
    for (const p of left.slice(1)) expect(paragraphFormat(p).size).toBe(hp(11));
    expect(right.map(textOf)).toEqual([letter.signer.authority, letter.signer.title, letter.signer.name]);
    for (const p of right.slice(0, 2)) expect(paragraphFormat(p)).toMatchObject({ bold: true, size: hp(14) });
    expect(letter.signer.title).toBe(letter.signer.title.toLocaleUpperCase("vi"));
    // Room for the signature and seal above the name.
    expect(Number(find(right[2], "w:pPr", "w:spacing")!.attrs["w:before"])).toBeGreaterThanOrEqual(20 * 48);
  });

  it("keeps the last body paragraph with the signature", () => {
    const last = blocks().body.at(-1)!;
    expect(find(last, "w:pPr", "w:keepNext")).toBeDefined();
  });
});

describe("page numbers", () => {
  it("shows a centred PAGE field in the header from page 2 on, and nothing on the first page", () => {
    const letterSection = sections()[0];
    expect(find(letterSection, "w:titlePg")).toBeDefined();
    expect(val(find(letterSection, "w:titlePg")) ?? "true").not.toBe("false");
    const refs = kids(letterSection, "w:headerReference");
    const byType = new Map(refs.map((r) => [r.attrs["w:type"], docx.headers.get(r.attrs["r:id"])!]));
    const first = byType.get("first")!;
    expect(textOf(first)).toBe("");
    expect(all(first, "w:instrText")).toHaveLength(0);
    const pages = byType.get("default")!;
    expect(all(pages, "w:instrText").map((i) => i.text.trim())).toEqual(["PAGE"]);
    expect(all(pages, "w:fldChar").map((f) => f.attrs["w:fldCharType"])).toEqual([
      "begin",
      "separate",
      "end",
    ]);
    expect(val(find(all(pages, "w:p")[0], "w:pPr", "w:jc"))).toBe("center");
  });

  it("numbers the appendix pages too", () => {
    const appendixSection = sections()[1];
    const ref = kids(appendixSection, "w:headerReference").find((r) => r.attrs["w:type"] === "default")!;
    expect(all(docx.headers.get(ref.attrs["r:id"])!, "w:instrText").map((i) => i.text.trim())).toEqual([
      "PAGE",
    ]);
  });

  it("has no field anywhere in the body", () => {
    expect(all(docx.document, "w:instrText")).toHaveLength(0);
    expect(all(docx.document, "w:fldSimple")).toHaveLength(0);
    expect(all(docx.document, "w:fldChar")).toHaveLength(0);
  });
});

/** The rows the appendix must show, worked out here from the scores. */
function expectedRows(scores: UnitScore[]): string[][] {
  return scores.map((s, i) => [
    String(i + 1),
    s.unit.name,
    s.unit.score766 === null ? "" : formatScore766(s.unit.score766),
    ...s.scores.map((c) => formatNumberVi(c.points)),
    formatNumberVi(s.total),
    s.eligible ? "Có" : "Không",
  ]);
}

const tableTexts = (table: XmlElement) => rowsOf(table).map((row) => cellsOf(row).map(textOf));

describe("appendix", () => {
  const appendixTable = () => blocks().tables[2];

  it("starts a new page with “Phụ lục”, its title and the letter it goes with", () => {
    expect(val(find(sections()[1], "w:type"))).toBe("nextPage");
    const heading = blocks().appendix.filter((b) => b.name === "w:p" && textOf(b) !== "");
    expect(textOf(heading[0])).toBe("Phụ lục");
    expect(paragraphFormat(heading[0])).toMatchObject({ bold: true, size: hp(14) });
    expect(textOf(heading[1])).toBe(textOf(heading[1]).toLocaleUpperCase("vi"));
    expect(normalizeSpace(textOf(heading[2]))).toBe(
      "(Kèm theo Công văn số /VPUBND-TH ngày 05 tháng 02 năm 2024)",
    );
    expect(paragraphFormat(heading[2]).italics).toBe(true);
  });

  it("lists every scored unit with its 766 score, points per criterion, total and proposal", () => {
    const [header, ...rows] = tableTexts(appendixTable());
    expect(header).toEqual([
      "STT",
      "Tên cơ quan, đơn vị",
      "Điểm 766",
      "Tiêu chí III(30 điểm)",
      "Tiêu chí IV.9(35 điểm)",
      "Tổng điểm",
      "Đề xuất khen thưởng",
    ]);
    expect(rows).toEqual(expectedRows(result.scores));
    expect(rows).toHaveLength(33);
    // 766 scores with two decimals, as the explanations in the sheet print them.
    expect(rows.map((r) => r[2])).toEqual(expect.arrayContaining(["74,30", "80,00", "84,37"]));
    expect(rows.filter((r) => r.at(-1) === "Có").map((r) => r[1])).toEqual(
      letter.proposed.map((p) => p.name),
    );
    // Vietnamese decimal comma, and blank where a unit has no 766 score.
    expect(rows.find((r) => r[1] === "Sở Ngoại vụ")?.[2]).toBe("84,37");
    expect(rows.find((r) => r[1] === "Bảo hiểm xã hội tỉnh")?.[2]).toBe("");
  });

  it("repeats its header row on every page, and only that row", () => {
    const rows = rowsOf(appendixTable());
    expect(find(rows[0], "w:trPr", "w:tblHeader")).toBeDefined();
    for (const row of rows.slice(1)) expect(find(row, "w:trPr", "w:tblHeader")).toBeUndefined();
    for (const row of rows) expect(find(row, "w:trPr", "w:cantSplit")).toBeDefined();
  });

  it("stays portrait for two criteria", () => {
    const size = kid(sections()[1], "w:pgSz")!.attrs;
    expect([Number(size["w:w"]), Number(size["w:h"])]).toEqual([twips(210), twips(297)]);
  });
});

/** A criterion like III under another code, and every unit's score for it. */
function withExtraCriteria(count: number): { scores: UnitScore[]; criteria: Criterion[] } {
  const extra = Array.from({ length: count }, (_, i) => ({ ...defaultCriteria()[0], code: `V.${i + 1}` }));
  const criteria = [...result.criteria, ...extra];
  const scores = result.scores.map((s) => ({
    ...s,
    scores: [...s.scores, ...extra.map((c, i) => ({ ...s.scores[0], code: c.code, points: i }))],
  }));
  return { scores, criteria };
}

describe("appendix with many criteria", () => {
  it("turns landscape, still fits the page and shows every criterion", async () => {
    const { scores, criteria } = withExtraCriteria(8);
    const wide = await openDocx(await letterToDocx(letter, scores, criteria));
    const [letterSection, appendixSection] = all(wide.document, "w:sectPr");
    expect(kid(letterSection, "w:pgSz")!.attrs["w:orient"] ?? "portrait").toBe("portrait");
    const size = kid(appendixSection, "w:pgSz")!.attrs;
    expect([Number(size["w:w"]), Number(size["w:h"]), size["w:orient"]]).toEqual([
      twips(297),
      twips(210),
      "landscape",
    ]);
    const table = all(wide.body, "w:tbl")[2];
    const grid = all(table, "w:gridCol").map((c) => Number(c.attrs["w:w"]));
    expect(grid).toHaveLength(5 + criteria.length);
    expect(grid.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(twips(297) - twips(30) - twips(15));
    expect(tableTexts(table).slice(1)).toEqual(expectedRows(scores));
  });
});

describe("no units", () => {
  it("says so in the appendix instead of leaving an empty table", async () => {
    const empty = await openDocx(await letterToDocx(letter, [], result.criteria));
    const rows = tableTexts(all(empty.body, "w:tbl")[2]);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(["Không có đơn vị nào được chấm điểm."]);
  });
});

describe("user text", () => {
  const hostile = [
    "=1+1",
    "<b>x</b>",
    "{PAGE}",
    "&amp;",
    "CURRENT",
    "SECTION",
    "TOTAL_PAGES",
    `"quoted" 'single' ]]> <!-- -->`,
    "Sở Tư pháp".normalize("NFD"),
  ];

  it("comes through literally: no markup, no field, NFC", async () => {
    const scores = result.scores.map((s, i) => ({
      ...s,
      unit: { ...s.unit, name: hostile[i % hostile.length] },
    }));
    const model: LetterModel = {
      ...letter,
      recipientLine: "Kính gửi: <w:r>{PAGE}</w:r>",
      paragraphs: ["=SUM(A1:A9)", "&lt;script&gt;", "CURRENT", ...letter.paragraphs],
      signer: { ...letter.signer, name: "PAGE \\* MERGEFORMAT" },
    };
    const bytes = await letterToDocx(model, scores, result.criteria);
    const opened = await openDocx(bytes); // parses: the XML is well formed
    const names = rowsOf(all(opened.body, "w:tbl")[2])
      .slice(1)
      .map((row) => textOf(cellsOf(row)[1]));
    expect(names).toEqual(scores.map((s) => s.unit.name.normalize("NFC")));
    expect(names).toContain("Sở Tư pháp");
    const texts = all(opened.body, "w:p").map(textOf);
    expect(texts).toEqual(
      expect.arrayContaining(["Kính gửi: <w:r>{PAGE}</w:r>", "=SUM(A1:A9)", "&lt;script&gt;"]),
    );
    expect(texts).toContain("PAGE \\* MERGEFORMAT");
    // The only field is the page number in the header.
    expect(all(opened.document, "w:instrText")).toHaveLength(0);
    expect(all(opened.document, "w:fldChar")).toHaveLength(0);
    expect(opened.raw["word/document.xml"]).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(opened.raw["word/document.xml"]).toContain("&amp;amp;");
  });

  it("drops characters that XML cannot carry instead of breaking the file", async () => {
    const name = "Sở\u0007 Ngoại\u000b vụ\ud800\uffff";
    const scores = [{ ...result.scores[0], unit: { ...result.scores[0].unit, name } }];
    const opened = await openDocx(await letterToDocx(letter, scores, result.criteria));
    const row = rowsOf(all(opened.body, "w:tbl")[2])[1];
    expect(textOf(cellsOf(row)[1])).toBe("Sở Ngoại  vụ");
  });
});
