/** The presets, and the one that fits a year when the workbook has no "Tiêu chí" sheet. */
import { withoutFacts, type Settings } from "../settings";
import { AN_GIANG_2023 } from "./an-giang-2023";
import { TU_NAM_2025 } from "./tu-nam-2025";
import type { Preset } from "./types";

export type { Preset, PresetId } from "./types";

export const PRESETS: readonly Preset[] = [AN_GIANG_2023, TU_NAM_2025];

/** The first year of two-level local government (1 July 2025). */
const TWO_LEVEL_FROM = 2025;

export function presetById(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}

/** Before 2025 the wording of 2023 (cấp huyện, Bộ phận Một cửa); from 2025, or unknown, the two-level one. */
export function presetForYear(year: number | null): Preset {
  return year !== null && year < TWO_LEVEL_FROM ? AN_GIANG_2023 : TU_NAM_2025;
}

/**
 * The preset's settings for `year`: its facts only when they belong to that year, never another's.
 * Without a year, a preset with facts brings its own year along with them.
 */
export function presetSettings(preset: Preset, year: number | null): Settings {
  const settings = preset.settings();
  const own = preset.factsYear ?? null;
  if (year === null) {
    if (own === null) settings.letter = withoutFacts(settings.letter);
    return settings;
  }
  if (own !== year) settings.letter = withoutFacts(settings.letter);
  settings.letter.year = year;
  return settings;
}
