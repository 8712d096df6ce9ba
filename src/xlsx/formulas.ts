/**
 * Formulas as an .xlsx file stores them. Excel saves a JavaScript custom function under its own prefix,
 * _xldudf_<NAMESPACE>_<NAME>: =KSTTHC.DIEM(…) is stored as _xldudf_KSTTHC_DIEM(…), and only that form is
 * bound to the add-in when the file is opened (a plain "KSTTHC.DIEM(" written into a file stays #NAME?
 * even with the add-in loaded). Without the add-in, Excel shows the stored name and the cached result
 * until it recalculates. A stored formula has no leading "=".
 */

const NAMESPACE = "KSTTHC";
const UDF_PREFIX = "_xldudf_";

/** Applies `change` to the parts of a formula outside string literals and quoted sheet names. */
function outsideQuotes(formula: string, change: (part: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) => (i % 2 === 1 ? part : change(part)))
    .join("");
}

/** "=KSTTHC.DIEM(…)" → "_xldudf_KSTTHC_DIEM(…)". */
export function toFileFormula(formula: string): string {
  const bare = formula.startsWith("=") ? formula.slice(1) : formula;
  const call = new RegExp(`(^|[^A-Za-z0-9_.])${NAMESPACE}\\.([A-Za-z][A-Za-z0-9]*)\\(`, "g");
  return outsideQuotes(bare, (part) => part.replace(call, `$1${UDF_PREFIX}${NAMESPACE}_$2(`));
}

/** "_xldudf_KSTTHC_DIEM(…)" → "=KSTTHC.DIEM(…)": the formula as Excel shows it with the add-in loaded. */
export function fromFileFormula(stored: string): string {
  const call = new RegExp(`(^|[^A-Za-z0-9_.])${UDF_PREFIX}${NAMESPACE}_([A-Za-z][A-Za-z0-9]*)\\(`, "gi");
  return `=${outsideQuotes(stored, (part) => part.replace(call, `$1${NAMESPACE}.$2(`))}`;
}
