/** The named styles of every plan, shared by the adapters so that both write the same formats. */
import type { CellStyle } from "./types";

const TIMES = "Times New Roman";

export const STYLES = {
  /** A named font: one without a name prints as whatever serif the renderer picks. */
  outHeader: {
    font: { name: TIMES, size: 11, bold: true },
    fill: "DDEBF7",
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    border: "thin",
  },
  outNumber: { numberFormat: "General", horizontal: "center", border: "thin" },
  outText: { numberFormat: "@", border: "thin" },
  outCenter: { numberFormat: "@", horizontal: "center", border: "thin" },
  /** Rating and proposal as formulas: not "@", where a formula typed again into the cell would stay text. */
  outFormula: { numberFormat: "General", horizontal: "center", border: "thin" },
  highlight: { fill: "E2EFDA" },

  plainText: { numberFormat: "@", vertical: "top", wrap: true },
  plainHeader: { font: { bold: true }, fill: "DDEBF7", vertical: "middle", wrap: true, border: "thin" },
  sheetTitle: { font: { bold: true, size: 13 } },
  note: { font: { italic: true }, numberFormat: "@" },
  hiddenMeta: { numberFormat: "@" },

  /** The first line of a letter whose list an error touches: "DỰ THẢO — CÒN 2 LỖI …". */
  letterDraft: {
    font: { name: TIMES, size: 14, bold: true },
    fill: "FFC7CE",
    horizontal: "center",
    vertical: "top",
    wrap: true,
    numberFormat: "@",
  },
  /** The note beside the letter on the facts it lacks. */
  letterMissing: {
    font: { name: TIMES, size: 12, bold: true },
    fill: "FFF2CC",
    vertical: "top",
    wrap: true,
    numberFormat: "@",
  },
  letterParent: { font: { name: TIMES, size: 13 }, horizontal: "center", vertical: "top", numberFormat: "@" },
  letterIssuer: {
    font: { name: TIMES, size: 13, bold: true, underline: true },
    horizontal: "center",
    vertical: "top",
    numberFormat: "@",
  },
  letterNation: { font: { name: TIMES, size: 12, bold: true }, horizontal: "center", numberFormat: "@" },
  letterMotto: {
    font: { name: TIMES, size: 13, bold: true, underline: true },
    horizontal: "center",
    numberFormat: "@",
  },
  letterNumber: { font: { name: TIMES, size: 13 }, horizontal: "center", numberFormat: "@" },
  letterDate: { font: { name: TIMES, size: 13, italic: true }, horizontal: "center", numberFormat: "@" },
  letterSubject: {
    font: { name: TIMES, size: 12 },
    horizontal: "center",
    vertical: "top",
    wrap: true,
    numberFormat: "@",
  },
  letterRecipient: { font: { name: TIMES, size: 14 }, horizontal: "center", wrap: true, numberFormat: "@" },
  letterBody: {
    font: { name: TIMES, size: 14 },
    horizontal: "justify",
    vertical: "top",
    wrap: true,
    numberFormat: "@",
  },
  letterDistTitle: { font: { name: TIMES, size: 12, bold: true, italic: true }, numberFormat: "@" },
  letterDist: { font: { name: TIMES, size: 11 }, numberFormat: "@" },
  letterSigner: { font: { name: TIMES, size: 14, bold: true }, horizontal: "center", numberFormat: "@" },
  letterTableTitle: {
    font: { name: TIMES, size: 14, bold: true },
    horizontal: "center",
    wrap: true,
    numberFormat: "@",
  },
  letterTableHeader: {
    font: { name: TIMES, size: 12, bold: true },
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    border: "thin",
    numberFormat: "@",
  },
  letterTableText: {
    font: { name: TIMES, size: 12 },
    vertical: "middle",
    wrap: true,
    border: "thin",
    numberFormat: "@",
  },
  letterTableNumber: {
    font: { name: TIMES, size: 12 },
    horizontal: "center",
    vertical: "middle",
    border: "thin",
    numberFormat: "General",
  },
} satisfies Record<string, CellStyle>;

export type StyleName = keyof typeof STYLES;
