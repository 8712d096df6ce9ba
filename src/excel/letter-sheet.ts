/// <reference types="office-js" />
/**
 * Shows the summary sheet, where "Tính điểm" lays out the letter for printing (A4, one page wide): the
 * way to the letter in Excel on Mac, whose task pane cannot save a file (OfficeDev/office-js#2700, #4681).
 * False when the workbook has no such sheet yet (not scored).
 */
export async function showSheet(context: Excel.RequestContext, name: string): Promise<boolean> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(name).load("name,visibility");
  await context.sync();
  if (sheet.isNullObject || sheet.visibility !== "Visible") return false;
  sheet.activate();
  sheet.getRange("A1").select();
  await context.sync();
  return true;
}

/** showSheet in an Excel.run of its own, for the pane. */
export function showLetterSheet(name: string): Promise<boolean> {
  return Excel.run((context) => showSheet(context, name));
}
