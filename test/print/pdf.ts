/**
 * Printing through LibreOffice headless, and what a printed page shows: words with their boxes
 * (poppler's `pdftotext -bbox`), words printed over each other, and which pages belong to which sheet.
 */
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export type Page = Word[];

/**
 * Converts the files to PDF in one LibreOffice run, with a profile of its own so that parallel runs
 * (jest workers, other users) do not share a locked profile. Returns the PDFs in the order given.
 */
export async function printToPdf(files: string[], outDir: string): Promise<string[]> {
  const profile = await fs.mkdtemp(path.join(os.tmpdir(), "kstthc-lo-"));
  try {
    await run(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        outDir,
        ...files,
      ],
      { timeout: 240_000 },
    );
  } finally {
    await fs.rm(profile, { recursive: true, force: true });
  }
  return files.map((f) => path.join(outDir, `${path.parse(f).name}.pdf`));
}

const unescape = (text: string) =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The words of every page, as `pdftotext -bbox` places them (points from the top-left corner). */
export async function pagesOf(pdf: string): Promise<Page[]> {
  const { stdout } = await run("pdftotext", ["-bbox", pdf, "-"], { maxBuffer: 64 * 1024 * 1024 });
  return stdout
    .split("<page ")
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map(([, xMin, yMin, xMax, yMax, text]) => ({
        text: unescape(text).normalize("NFC"),
        xMin: Number(xMin),
        yMin: Number(yMin),
        xMax: Number(xMax),
        yMax: Number(yMax),
      })),
    );
}

/**
 * Pairs of words on a page whose boxes overlap by more than a fifth of the smaller one: text printed
 * over other text (a wrapped cell taller than its row, a long text running under the next cell). Lines
 * set closely touch at their edges, which stays far below that share.
 */
export function overprints(page: Page): [Word, Word][] {
  const out: [Word, Word][] = [];
  const byLeft = [...page].sort((a, b) => a.xMin - b.xMin);
  for (let i = 0; i < byLeft.length; i++) {
    const a = byLeft[i];
    for (let j = i + 1; j < byLeft.length && byLeft[j].xMin < a.xMax; j++) {
      const b = byLeft[j];
      const width = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const height = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (width <= 0 || height <= 0) continue;
      const smaller = Math.min((a.xMax - a.xMin) * (a.yMax - a.yMin), (b.xMax - b.xMin) * (b.yMax - b.yMin));
      if (width * height > 0.2 * smaller) out.push([a, b]);
    }
  }
  return out;
}

/** The words of a page in reading order, as one string (for finding a sheet's first page). */
export function pageText(page: Page): string {
  return [...page]
    .sort((a, b) => Math.round(a.yMin) - Math.round(b.yMin) || a.xMin - b.xMin)
    .map((w) => w.text)
    .join(" ");
}

/** The text of the first printed line of a page: the words near the highest one (sizes differ on a line). */
export function firstLine(page: Page): string {
  if (page.length === 0) return "";
  const top = Math.min(...page.map((w) => w.yMin));
  return pageText(page.filter((w) => w.yMin < top + 8));
}

/**
 * Which pages each sheet printed on. Calc prints the visible sheets in order, each from a new page;
 * a sheet's first page is the first page after the previous sheet's whose top line holds the
 * sheet's first text (`markers`, one per printed sheet, in order).
 */
export function pagesBySheet(pages: Page[], markers: string[]): number[][] {
  const starts: number[] = [];
  let from = 0;
  for (const marker of markers) {
    const words = marker.normalize("NFC").split(/\s+/).filter(Boolean).slice(0, 3).join(" ");
    const at = pages.findIndex((page, i) => i >= from && firstLine(page).includes(words));
    if (at < 0) throw new Error(`no printed page starts with “${words}”`);
    starts.push(at);
    from = at + 1;
  }
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1] : pages.length;
    return Array.from({ length: end - start }, (_, k) => start + k);
  });
}

export interface Line {
  text: string;
  xMin: number;
  yMin: number;
  yMax: number;
}

/** The printed lines of a page, top to bottom: words side by side at about the same height. */
export function linesOf(page: Page): Line[] {
  const lines: Word[][] = [];
  for (const word of [...page].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    const line = lines.find((l) => Math.abs(l[0].yMin - word.yMin) < 2);
    if (line) line.push(word);
    else lines.push([word]);
  }
  return lines.map((words) => ({
    text: pageText(words),
    xMin: Math.min(...words.map((w) => w.xMin)),
    yMin: Math.min(...words.map((w) => w.yMin)),
    yMax: Math.max(...words.map((w) => w.yMax)),
  }));
}
