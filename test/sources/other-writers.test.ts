/**
 * The same shapes written by the programs that really produce them: a portal export written by
 * openpyxl (every value text, as the portal's export is) and a II.07b report saved by LibreOffice.
 */
import { execFileSync } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { JsonReport } from "../../src/core/report";
import {
  II07B_ROWS,
  PORTAL_HEADER,
  SO_BAN_ROWS,
  XA_PHUONG_ROWS,
  ii07b,
  tracking2025,
} from "../helpers/source-files";
import { tempDir, writeXlsx } from "../helpers/workbooks";
import { cli } from "../helpers/cli";

jest.setTimeout(180_000);

let dir: string;
let portal: string;
let bieu: string;
let tracking: string;

/** The first python3 on PATH that has openpyxl (a version manager's shim may come first without it). */
function pythonWithOpenpyxl(): string {
  const candidates = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter(Boolean)
    .map((d) => path.join(d, "python3"));
  for (const candidate of candidates) {
    try {
      execFileSync(candidate, ["-c", "import openpyxl"], { stdio: "ignore" });
      return candidate;
    } catch {
      // not there, or without openpyxl
    }
  }
  throw new Error("Cần python3 có openpyxl để dựng tệp kiểm thử.");
}

/** openpyxl writes the export: a province sheet, "Sở Ban", "Xã Phường" named for the year, all text. */
function writeWithOpenpyxl(file: string): void {
  const sheets = {
    "Tỉnh thành": [
      PORTAL_HEADER,
      [
        "1",
        "Tỉnh An Giang",
        "Tỉnh An Giang",
        "H01",
        "1",
        "1",
        "1",
        "18",
        "16",
        "20",
        "9",
        "11",
        "16",
        "88.1",
        "1",
      ],
    ],
    "Điểm năm - Sở Ban": [PORTAL_HEADER, ...SO_BAN_ROWS],
    "Điểm năm - Xã Phường": [PORTAL_HEADER, ...XA_PHUONG_ROWS],
  };
  const script = `
import json, sys, openpyxl
sheets = json.loads(sys.argv[2])
book = openpyxl.Workbook()
book.remove(book.active)
for name, rows in sheets.items():
    sheet = book.create_sheet(name)
    for row in rows:
        sheet.append(["null" if v is None else v for v in row])
book.save(sys.argv[1])
`;
  execFileSync(pythonWithOpenpyxl(), ["-c", script, file, JSON.stringify(sheets)]);
}

/** LibreOffice opens an .xlsx and saves it again as its own .xlsx. */
function resaveWithLibreOffice(file: string, outDir: string): string {
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=${pathToFileURL(path.join(outDir, "lo-profile")).href}`,
      "--headless",
      "--convert-to",
      "xlsx",
      "--outdir",
      outDir,
      file,
    ],
    { stdio: "ignore", timeout: 150_000 },
  );
  return path.join(outDir, path.basename(file));
}

beforeAll(async () => {
  dir = await tempDir();
  portal = path.join(dir, "diem-766-openpyxl.xlsx");
  writeWithOpenpyxl(portal);
  const written = await writeXlsx(dir, "bieu-ii07b.xlsx", ii07b(II07B_ROWS));
  const loDir = path.join(dir, "libreoffice");
  await fs.mkdir(loDir);
  bieu = resaveWithLibreOffice(written, loDir);
  tracking = await writeXlsx(dir, "theo-doi-2025.xlsx", tracking2025());
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

it("scores the openpyxl export alone, its period read from the sheet names", async () => {
  const run = await cli("score", portal, "--json");
  expect(run.stderr).toBe("");
  const report: JsonReport = JSON.parse(run.stdout);
  expect(report.sheets).toEqual(["Điểm năm - Sở Ban", "Điểm năm - Xã Phường"]);
  expect(report.units.map((u) => u.score766)).toEqual([
    93.75,
    79.5,
    81.25,
    null,
    85.4,
    80,
    90.02,
    77.25,
    95.5,
  ]);
  expect(report.sources[0].period).toEqual({ kind: "năm", label: "Điểm năm - Sở Ban" });
  // An annual figure: neither the monthly warning nor the "which period?" note.
  expect(report.problems.filter((p) => /xét theo năm|kỳ số liệu/.test(p.message))).toEqual([]);
});

it("joins the openpyxl export and the LibreOffice II.07b into the tracking table", async () => {
  const run = await cli("score", tracking, "--source", portal, "--source", bieu, "--json");
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const report: JsonReport = JSON.parse(run.stdout);
  expect(report.sources.map((s) => [s.file, s.kind, s.sheetsRead])).toEqual([
    ["diem-766-openpyxl.xlsx", "portal766", ["Điểm năm - Sở Ban", "Điểm năm - Xã Phường"]],
    ["bieu-ii07b.xlsx", "ii07b", ["Biểu II.07b"]],
  ]);
  const unit = (name: string) => report.units.find((u) => u.name === name);
  expect(unit("Sở Tư pháp")?.score766).toBe(93.75);
  expect(unit("Bảo hiểm xã hội tỉnh")?.points["IV.9"]).toBe(35);
  expect(unit("Thuế tỉnh An Giang")?.points["IV.9"]).toBe(0);
  expect(unit("UBND huyện An Phú")?.score766).toBeNull();
});
