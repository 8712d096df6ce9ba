/** "An Giang 2023": the plan, the results and the letter of 2023 (the seed letter), facts included. */
import { defaultCriteria } from "../criteria";
import { defaultSettings } from "../settings";
import type { Preset } from "./types";

export const AN_GIANG_2023: Preset = {
  id: "an-giang-2023",
  label: "An Giang 2023",
  description:
    "Kế hoạch thi đua năm 2023 (Quyết định 568/QĐ-UBND): sở, ban, ngành; UBND cấp huyện; ngành dọc.",
  factsYear: 2023,
  criteria: defaultCriteria,
  settings() {
    const settings = defaultSettings();
    Object.assign(settings.letter, {
      year: 2023,
      date: "2024-02-05",
      planReference: "Quyết định số 568/QĐ-UBND",
      planDate: "2023-04-27",
      resultsReference: "Quyết định số 21/QĐ-UBND",
      resultsDate: "2024-01-03",
      replyDeadline: "04/03/2024",
      // The decree in force when the award of 2023 was proposed (from 15/02/2024).
      decree: { reference: "Nghị định số 98/2023/NĐ-CP", date: "2023-12-31", issuer: "Chính phủ" },
    });
    return settings;
  },
};
