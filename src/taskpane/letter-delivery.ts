/**
 * How the letter reaches the user in each host (docs/phat-trien.md, "Công văn trong từng nơi chạy"):
 * - Excel on the web: the browser saves the .docx (a blob: URL and <a download>);
 * - Excel on Windows: the pane's WebView2 saves it to the Downloads folder, showing its download list in
 *   the pane (the .docx is what the user asked for, so this is kept); other add-ins report such downloads
 *   blocked there, so the pane offers the summary sheet beside it (showLetter) in every Excel;
 * - Excel on Mac: WKWebView ignores <a download> (OfficeDev/office-js#2700, #4681) and the Office dialog
 *   is the same web view, so the letter is shown where "Tính điểm" writes it: the summary sheet, laid out
 *   for A4, to print or copy into Word.
 */
import type { RunResult } from "../core/run";
import { UserFacingError } from "../core/problems";

/** The letter cannot reach the user here; the message says how to get it. */
class LetterError extends UserFacingError {
  constructor(message: string) {
    super(message);
    this.name = "LetterError";
  }
}

/** How the letter reaches the user: saved as a .docx, or shown on the summary sheet that holds it. */
export type LetterDelivery = "file" | "sheet";

/** The button's words say what it does in this host (the Mac's does not download anything). */
export const LETTER_ACTION: Record<LetterDelivery, string> = {
  file: "Tải công văn (.docx)",
  sheet: "Mở công văn trong trang Tổng hợp",
};

/** Office.context.platform: "OfficeOnline", "PC", "Mac", "iOS"… (Office.PlatformType). */
export function letterDeliveryFor(platform: string | undefined): LetterDelivery {
  return platform === "Mac" || platform === "iOS" ? "sheet" : "file";
}

/** The sheet the scoring plan lays the letter out on, when the plan has it. */
function letterSheetOf(result: RunResult): string | undefined {
  return result.plan.sheets.some((sheet) => sheet.name === result.summarySheet)
    ? result.summarySheet
    : undefined;
}

function noLetterSheet(name: string): LetterError {
  return new LetterError(
    `Excel trên máy Mac không lưu được tệp từ bảng điều khiển. Hãy bấm “Tính điểm”: công văn được ghi vào trang “${name}”, khổ A4, để in hoặc chép sang Word.`,
  );
}

/**
 * Shows the summary sheet that holds the letter: the route that needs no download, in every Excel (a
 * blob: download may be blocked in the pane's web view: Mac's, and Windows' WebView2 as other add-ins
 * report). Throws a LetterError when the workbook has no letter yet.
 */
export async function showLetter(
  result: RunResult,
  showSheet: (name: string) => Promise<boolean>,
): Promise<void> {
  const name = letterSheetOf(result);
  if (!name || !(await showSheet(name)))
    throw new LetterError(
      `Chưa có công văn trong sổ tính: hãy bấm “Tính điểm”, công văn được ghi vào trang “${name ?? result.summarySheet}”, khổ A4, để in hoặc chép sang Word.`,
    );
}

/** Saves the letter as a file, or shows the sheet that holds it, as the host allows. */
export async function deliverLetter(
  result: RunResult,
  delivery: LetterDelivery,
  effects: { download: (result: RunResult) => Promise<void>; showSheet: (name: string) => Promise<boolean> },
): Promise<void> {
  if (delivery === "file") return effects.download(result);
  const name = letterSheetOf(result);
  if (!name) throw new LetterError("Chưa có công văn: hãy tính điểm trước.");
  if (!(await effects.showSheet(name))) throw noLetterSheet(name);
}
