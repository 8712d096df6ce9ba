/** The golden test: the sample table with the default settings drafts the body of the seed letter. */
import { readFileSync } from "node:fs";
import { defaultCriteria } from "../../src/core/criteria";
import { buildLetter, formatLetterDate } from "../../src/core/letter";
import { runScoring } from "../../src/core/run";
import { defaultSettings } from "../../src/core/settings";
import { workbookToGrids } from "../exceljs/read";
import { loadWorkbook } from "../exceljs/workbook";
import { normalizeSpace, seedLetter } from "../helpers/seed-letter";
import { SAMPLE } from "../helpers/workbooks";

const normalise = normalizeSpace;

async function sampleRun() {
  const workbook = await loadWorkbook(readFileSync(SAMPLE), "sample.xlsx");
  return runScoring(workbookToGrids(workbook));
}

describe("the letter of the sample", () => {
  it("reads as the seed letter, paragraph by paragraph", async () => {
    const { letter } = await sampleRun();
    const seed = seedLetter();
    expect(normalise(letter.recipientLine)).toBe(seed.recipient);
    expect(letter.paragraphs.map(normalise)).toEqual(seed.body);
    expect(letter.distribution.map(normalise)).toEqual(seed.distribution);
  });

  it("has the header blocks of an official letter", async () => {
    const { letter } = await sampleRun();
    expect(letter).toMatchObject({
      parentBody: "UBND TỈNH AN GIANG",
      issuingBody: "VĂN PHÒNG",
      nationalTitle: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      motto: "Độc lập - Tự do - Hạnh phúc",
      placeAndDate: "An Giang, ngày 05 tháng 02 năm 2024",
      signer: { authority: "KT. CHÁNH VĂN PHÒNG", title: "PHÓ CHÁNH VĂN PHÒNG", name: "" },
    });
    expect(letter.number).toBe("Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/VPUBND-TH");
    expect(letter.proposed.map((p) => [p.name, p.criteria])).toEqual([
      ["Sở Ngoại vụ", ["III"]],
      ["UBND huyện An Phú", ["III"]],
      ["UBND huyện Phú Tân", ["III"]],
      ["Bảo hiểm xã hội tỉnh", ["IV.9"]],
    ]);
  });

  it("writes every paragraph in NFC", async () => {
    const { letter } = await sampleRun();
    for (const p of letter.paragraphs) expect(p).toBe(p.normalize("NFC"));
  });
});

describe("dates and other years", () => {
  it("puts leading zeros on days below 10 and on January and February only", () => {
    expect(formatLetterDate("An Giang", "2024-02-05")).toBe("An Giang, ngày 05 tháng 02 năm 2024");
    expect(formatLetterDate("An Giang", "2024-03-04")).toBe("An Giang, ngày 04 tháng 3 năm 2024");
    expect(formatLetterDate("An Giang", "2024-12-15")).toBe("An Giang, ngày 15 tháng 12 năm 2024");
  });

  it("says so when no unit qualifies, and leaves out the request for opinions", () => {
    const settings = defaultSettings();
    const letter = buildLetter([], defaultCriteria(), settings.letter);
    expect(letter.paragraphs).toHaveLength(7);
    // No unit at all: nothing tells who did not earn it (test/core/letter-scale.test.ts for units below).
    expect(letter.paragraphs[3]).toMatch(/^- Tiêu chí III phụ lục kèm theo .*: chưa có số liệu/);
    expect(letter.paragraphs[5]).toMatch(
      /chưa có đơn vị đủ điều kiện để đề xuất Chủ tịch UBND tỉnh khen thưởng/,
    );
    expect(letter.paragraphs.some((p) => p.startsWith("Để đảm bảo"))).toBe(false);
  });
});
