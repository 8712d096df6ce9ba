/** A preset: criteria and letter settings as data, chosen in the pane or with `--preset`. */
import type { Criterion } from "../criteria";
import type { Settings } from "../settings";

export type PresetId = "an-giang-2023" | "tu-nam-2025";

export interface Preset {
  id: PresetId;
  /** "An Giang 2023", as the pane lists it. */
  label: string;
  description: string;
  /** The year whose facts (decisions, dates) the settings carry; they apply to that year only. */
  factsYear?: number;
  criteria(): Criterion[];
  settings(): Settings;
}
