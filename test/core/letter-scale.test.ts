/** The letter at the scale of 2025 (117 units, 110 above 80): counted units, attached lists, no data, blanks. */
import { buildLetter } from "../../src/core/letter";
import { runScoring } from "../../src/core/run";
import { provinceSheet, provinceUnits } from "../helpers/province-2025";
import { gridsOf } from "../helpers/workbooks";

async function provinceRun(options: Parameters<typeof runScoring>[1] = {}) {
  return runScoring(await gridsOf([provinceSheet()]), options);
}

describe("a letter for 117 units, 110 above 80", () => {
  it("counts the units by group instead of naming them, and attaches their list", async () => {
    const { letter, scores } = await provinceRun();
    const finding = letter.paragraphs.find((p) => p.includes("đạt trên 80 điểm")) ?? "";
    expect(finding).toMatch(
      /^- 110 đơn vị, gồm 10 sở, ban, ngành và 100 UBND cấp xã \(có danh sách kèm theo\) đạt trên 80 điểm/,
    );
    const proposal = letter.paragraphs.find((p) => p.startsWith("Từ các nội dung")) ?? "";
    expect(proposal).toMatch(
      /đối với 110 đơn vị, gồm 10 sở, ban, ngành và 100 UBND cấp xã \(có danh sách kèm theo\)\.$/,
    );
    // No unit is named in the body: the list carries them.
    for (const p of letter.paragraphs) expect(p).not.toContain("Thử nghiệm");
    expect(letter.proposalCounted).toBe(true);
    const [list] = letter.lists;
    expect(letter.lists).toHaveLength(1);
    expect(list.title).toBe("DANH SÁCH ĐƠN VỊ ĐẠT TIÊU CHÍ III");
    const above = provinceUnits().filter((u) => u.score > 80);
    expect(list.rows.map((r) => r[1])).toEqual(above.map((u) => u.name));
    expect(list.rows[0]).toEqual([1, "Sở Nội vụ", "Sở, ban, ngành", "80,25", 30, 30]);
    expect(scores.filter((s) => s.eligible)).toHaveLength(110);
  });

  it("says the one-stop criterion has no figures instead of “0 điểm” when no unit of it is in the data", async () => {
    const { letter } = await provinceRun();
    const oneStop = letter.paragraphs.filter((p) => p.includes("IV.9") || p.includes("IV (số thứ tự 9)"));
    expect(oneStop).toEqual([
      "- Tiêu chí IV.9 phụ lục kèm theo Quyết định số …/QĐ-UBND: chưa có số liệu của đơn vị nào nên chưa đánh giá.",
    ]);
    expect(letter.paragraphs.join("\n")).not.toMatch(/0 điểm tại tiêu chí IV/);
  });

  it("names the units up to the setting, and counts them above it", async () => {
    const few = provinceUnits().slice(0, 13);
    const grids = await gridsOf([provinceSheet(few)]);
    const named = runScoring(grids).letter;
    expect(named.lists).toEqual([]);
    expect(named.paragraphs.find((p) => p.includes("đạt trên 80"))).toMatch(
      /^- Sở Nội vụ; Sở Tư pháp; .*; Sở Y tế đạt trên 80/,
    );
    const run = runScoring(grids);
    const counted = buildLetter(run.scores, run.criteria, { ...run.settings.letter, namedUnitsMax: 9 });
    expect(counted.paragraphs.find((p) => p.includes("đạt trên 80"))).toMatch(
      /^- 10 sở, ban, ngành \(có danh sách kèm theo\) đạt trên 80/,
    );
  });

  it("keeps the form of a blank decision, date and deadline", async () => {
    const { letter, problems } = await provinceRun();
    expect(letter.paragraphs[0]).toMatch(
      /^Căn cứ Quyết định số …\/QĐ-UBND ngày … tháng … năm … của Ủy ban nhân dân tỉnh về Ban hành Kế hoạch/,
    );
    expect(letter.paragraphs.find((p) => p.startsWith("Để đảm bảo"))).toMatch(/trước ngày …\/…\/… để/);
    expect(problems.map((p) => p.message).join("\n")).toMatch(/Công văn còn thiếu: số Quyết định kế hoạch/);
  });

  it("names the canonical group of a heading in capitals, and cites the decree of 2025", async () => {
    const { letter, scores } = await provinceRun();
    expect(new Set(scores.map((s) => s.unit.group))).toEqual(new Set(["Sở, ban, ngành", "UBND cấp xã"]));
    expect(letter.recipientLine).toBe("Kính gửi: Sở Nội vụ (Ban Thi đua - Khen thưởng)");
    expect(letter.paragraphs.find((p) => p.startsWith("Để đảm bảo"))).toContain(
      "theo quy định tại Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ",
    );
  });
});

describe("a criterion with figures that no unit passes", () => {
  it("keeps “0 điểm” for the units that had a figure", async () => {
    const below = provinceUnits().filter((u) => u.score <= 80);
    const { letter } = runScoring(await gridsOf([provinceSheet(below)]));
    expect(letter.paragraphs.find((p) => p.includes("tiêu chí III"))).toMatch(
      /^- Không có đơn vị đạt trên 80 điểm theo đánh giá tại .*, nên các đơn vị 0 điểm tại tiêu chí III/,
    );
  });
});
