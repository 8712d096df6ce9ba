/** Whether the page runs where the pane can work, and which Fluent theme matches Office's. */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import type { Requirements } from "../excel/office-host";

export type HostCheck =
  | { ok: true }
  /** A plain browser (office.js absent, unreachable or reporting no host): the page is the web app. */
  | { ok: false; reason: "outside-office" }
  /** Another Office application. */
  | { ok: false; reason: "not-excel" }
  | { ok: false; reason: "old-excel"; missing: string[] };

/** The requirement sets the pane and the ribbon command use (ranges, conditional formats, shared runtime). */
const REQUIRED_SETS: { name: string; version: string }[] = [
  { name: "ExcelApi", version: "1.9" },
  { name: "SharedRuntime", version: "1.1" },
];

/**
 * `host` is what Office.onReady reported (undefined when office.js is not there at all). Without the
 * requirements API the sets cannot be asked about: the pane goes ahead, as the Excel adapter does
 * (Office itself refuses to load the add-in where the manifest's SharedRuntime requirement fails).
 */
export function checkHost(
  host: string | null | undefined,
  requirements: Requirements | undefined,
): HostCheck {
  if (host === undefined || host === null) return { ok: false, reason: "outside-office" };
  if (host !== "Excel") return { ok: false, reason: "not-excel" };
  if (!requirements) return { ok: true };
  const missing = REQUIRED_SETS.filter((s) => !requirements.isSetSupported(s.name, s.version)).map(
    (s) => `${s.name} ${s.version}`,
  );
  return missing.length === 0 ? { ok: true } : { ok: false, reason: "old-excel", missing };
}

/** Relative luminance of "#RRGGBB" (0 black … 1 white); undefined for anything else. */
function luminance(color: string | undefined): number | undefined {
  const match = /^#?([0-9a-f]{6})$/i.exec(color?.trim() ?? "");
  if (!match) return undefined;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(match[1].slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The dark Fluent theme when Office paints the pane dark (its body background), the light one otherwise. */
export function themeFor(officeTheme: { bodyBackgroundColor?: string } | undefined): Theme {
  const light = luminance(officeTheme?.bodyBackgroundColor);
  return light !== undefined && light < 0.5 ? webDarkTheme : webLightTheme;
}
