/** The letter may cite where its figures come from: {nguon_so_lieu} in a sentence of the "Tiêu chí" sheet. */
import { defaultCriteria } from "../../src/core/criteria";
import { criteriaSheetRows } from "../../src/core/criteria-sheet/write";
import type { SheetGrid } from "../../src/core/grid";
import { runScoring } from "../../src/core/run";
import { defaultSettings } from "../../src/core/settings";
import { readSource } from "../../src/core/sources/read-source";
import { PORTAL_HEADER, portalRow } from "../helpers/source-files";

const tracking: SheetGrid = {
  name: "Theo dõi",
  values: [
    ["STT", "Tên đơn vị", "Khối", "Điểm 766"],
    [1, "Sở Tư pháp", "Sở, ban, ngành", null],
  ],
};

it("fills {nguon_so_lieu} with each source's kind, period and as-of date", () => {
  const settings = defaultSettings();
  settings.letter.findingsIntro = "Căn cứ {nguon_so_lieu}, Văn phòng tổng hợp như sau:";
  const criteriaSheet: SheetGrid = {
    name: "Tiêu chí",
    values: criteriaSheetRows(defaultCriteria(), settings),
  };
  const source = readSource(
    [
      {
        name: "Điểm năm",
        values: [
          ["Số liệu tính đến ngày 31/12/2025"],
          PORTAL_HEADER,
          portalRow(1, "Sở Tư pháp - tỉnh An Giang", "H01.12", 2, "93.75"),
        ],
      },
    ],
    "diem-766.xlsx",
  );
  const result = runScoring([tracking, criteriaSheet], { sources: [source] });
  expect(result.scores[0].unit.score766).toBe(93.75);
  expect(result.letter.paragraphs).toContain(
    "Căn cứ Điểm Bộ chỉ số 766 xuất từ Cổng Dịch vụ công quốc gia (kỳ năm, số liệu đến ngày 31/12/2025), Văn phòng tổng hợp như sau:",
  );
  // Without sources the placeholder stays as written, so that the missing citation shows.
  const alone = runScoring([tracking, criteriaSheet]);
  expect(alone.letter.paragraphs).toContain("Căn cứ {nguon_so_lieu}, Văn phòng tổng hợp như sau:");
});
