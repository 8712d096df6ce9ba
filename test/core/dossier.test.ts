/** The dossier's model: the tờ trình cites the decree of its preset, the list names the proposed collectives. */
import { readFileSync } from "node:fs";
import { buildDossier } from "../../src/core/dossier";
import { runScoring } from "../../src/core/run";
import { workbookToGrids } from "../exceljs/read";
import { loadWorkbook } from "../exceljs/workbook";
import { normalizeSpace, seedLetter } from "../helpers/seed-letter";
import { SAMPLE } from "../helpers/workbooks";

async function sampleRun(preset?: "an-giang-2023") {
  const workbook = await loadWorkbook(readFileSync(SAMPLE), "sample.xlsx");
  const grids = workbookToGrids(workbook).filter((g) => preset === undefined || g.name !== "Tiêu chí");
  return runScoring(grids, preset ? { preset } : {});
}

describe("the dossier of 2023", () => {
  it("keeps the seed letter under the preset “An Giang 2023”, and cites NĐ 98/2023 in the tờ trình", async () => {
    const run = await sampleRun("an-giang-2023");
    expect(run.criteriaSource).toBe("default");
    expect(run.letter.paragraphs.map(normalizeSpace)).toEqual(seedLetter().body);
    expect(run.letter.recipientLine).toBe("Kính gửi: Sở Nội vụ (Ban thi đua khen thưởng)");
    const dossier = buildDossier(run.letter, run.scores, run.criteria, run.settings.letter);
    expect(dossier.submission.paragraphs).toContain(
      "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ;",
    );
    expect(dossier.submission.paragraphs).toContain(
      "Căn cứ ý kiến của Sở Nội vụ tại Công văn số … ngày … tháng … năm …,",
    );
    expect(dossier.submission.missingFacts).toEqual([
      "số văn bản ý kiến của Sở Nội vụ",
      "ngày văn bản ý kiến của Sở Nội vụ",
    ]);
    expect(dossier.collectives.map((c) => [c.name, c.achievement])).toEqual([
      ["Sở Ngoại vụ", expect.stringMatching(/^Tiêu chí III: \d+,\d\d → 30 điểm; tổng 30 điểm$/)],
      ["UBND huyện An Phú", expect.stringMatching(/^Tiêu chí III: /)],
      ["UBND huyện Phú Tân", expect.stringMatching(/^Tiêu chí III: /)],
      ["Bảo hiểm xã hội tỉnh", "Tiêu chí IV.9: cấp tỉnh 100%; cấp huyện 100% → 35 điểm; tổng 35 điểm"],
    ]);
    expect(dossier.draft).toBe(false);
  });

  it("names Sở Nội vụ's answer once it is in the settings, and is a draft when the letter is", async () => {
    const run = await sampleRun("an-giang-2023");
    const settings = {
      ...run.settings.letter,
      opinion: { reference: "Công văn số 512/SNV-TĐKT", date: "2024-03-01", issuer: "Sở Nội vụ" },
    };
    // The run's completeness marks the letter of an unsure list; the dossier follows the letter.
    const letter = { ...run.letter, draftMark: "DỰ THẢO — CÒN 1 LỖI CẦN SỬA TRƯỚC KHI GỬI" };
    const dossier = buildDossier(letter, run.scores, run.criteria, settings);
    expect(dossier.submission.paragraphs).toContain(
      "Căn cứ ý kiến của Sở Nội vụ tại Công văn số 512/SNV-TĐKT ngày 01 tháng 3 năm 2024,",
    );
    expect(dossier.checklist[1].note).toBe(
      "Đã ghi Công văn số 512/SNV-TĐKT; kèm bản chụp văn bản vào hồ sơ.",
    );
    expect(dossier.draftNote).toBe("DỰ THẢO — CÒN 1 LỖI CẦN SỬA TRƯỚC KHI GỬI");
  });
});
