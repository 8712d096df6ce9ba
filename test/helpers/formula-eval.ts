/**
 * A small evaluator for exactly the formulas the tool writes in its formulas mode, calling the pure
 * custom functions of src/functions as Excel calls them: cell references and ranges (optionally on a
 * quoted sheet), string literals, MIN, MAX, SUM, KSTTHC.DIEM, KSTTHC.XEPLOAI and KSTTHC.DEXUAT. Other
 * formulas (a user's =COUNTA(…)&" đơn vị") are not supported: readers keep their stored value.
 */
import type { CellRange, CellValue } from "../../src/core/grid";
import { columnIndex, isCellError } from "../../src/core/grid";
import { dexuat } from "../../src/functions/dexuat";
import { diem } from "../../src/functions/diem";
import { ArgumentError } from "../../src/functions/errors";
import { xeploai } from "../../src/functions/xeploai";

export type Evaluated = string | number | boolean | null | { error: string };

/** The values of a range on a sheet (undefined: the formula's own sheet); formula cells give their value. */
export type RangeReader = (sheet: string | undefined, range: CellRange) => CellValue[][];

export interface EvaluateOptions {
  /** What a custom function receives for an empty cell: null (Excel on the web) or 0 (Windows, Mac). */
  empty?: null | 0;
  /**
   * Results of custom-function calls by their arguments, shared by the formulas of one calculation: the
   * functions are pure, and reading the criteria table anew for each of thousands of cells is slow.
   */
  calls?: Map<string, Evaluated>;
}

/** A short key for an argument: a matrix by its content, interned once per array (readers cache ranges). */
const keyOfArray = new WeakMap<unknown[][], string>();
const contents = new Map<string, string>();
const jsonOf = (value: unknown): string => {
  if (!Array.isArray(value)) return JSON.stringify(value) ?? "undefined";
  let key = keyOfArray.get(value);
  if (key === undefined) {
    const json = JSON.stringify(value);
    key = contents.get(json);
    if (key === undefined) contents.set(json, (key = `#${contents.size}`));
    keyOfArray.set(value, key);
  }
  return key;
};

/** A range's cells as a custom function receives them, once per range read. */
const passedOf = new WeakMap<CellValue[][], Map<null | 0, unknown[][]>>();

interface Reference {
  kind: "ref";
  sheet?: string;
  range: CellRange;
}

type Node =
  | { kind: "text"; value: string }
  | { kind: "number"; value: number }
  | Reference
  | { kind: "call"; name: string; args: Node[] };

class FormulaSyntaxError extends Error {}

function parse(formula: string): Node {
  const text = formula.startsWith("=") ? formula.slice(1) : formula;
  let at = 0;
  const fail = (what: string): never => {
    throw new FormulaSyntaxError(`${what} at ${at} in ${formula}`);
  };
  const cell = /^\$?([A-Za-z]{1,3})\$?(\d+)/;

  const reference = (sheet?: string): Reference => {
    const first = cell.exec(text.slice(at));
    if (!first) return fail("reference expected");
    at += first[0].length;
    let second = first;
    if (text[at] === ":") {
      at++;
      const next = cell.exec(text.slice(at));
      if (!next) return fail("range end expected");
      at += next[0].length;
      second = next;
    }
    const col = (letters: string) => columnIndex(letters) as number;
    return {
      kind: "ref",
      sheet,
      range: {
        top: Number(first[2]) - 1,
        left: col(first[1]),
        bottom: Number(second[2]) - 1,
        right: col(second[1]),
      },
    };
  };

  const expression = (): Node => {
    const ch = text[at];
    if (ch === '"') {
      let value = "";
      at++;
      for (;;) {
        if (at >= text.length) fail("unterminated string");
        if (text[at] === '"') {
          if (text[at + 1] === '"') {
            value += '"';
            at += 2;
            continue;
          }
          at++;
          return { kind: "text", value };
        }
        value += text[at++];
      }
    }
    if (ch === "'") {
      let sheet = "";
      at++;
      for (;;) {
        if (at >= text.length) fail("unterminated sheet name");
        if (text[at] === "'") {
          if (text[at + 1] === "'") {
            sheet += "'";
            at += 2;
            continue;
          }
          at++;
          break;
        }
        sheet += text[at++];
      }
      if (text[at] !== "!") fail("! expected");
      at++;
      return reference(sheet);
    }
    const number = /^\d+(\.\d+)?/.exec(text.slice(at));
    if (number) {
      at += number[0].length;
      return { kind: "number", value: Number(number[0]) };
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*(?=\()/.exec(text.slice(at));
    if (name) {
      at += name[0].length + 1;
      const args: Node[] = [];
      if (text[at] === ")") {
        at++;
        return { kind: "call", name: name[0].toUpperCase(), args };
      }
      for (;;) {
        args.push(expression());
        if (text[at] === ",") at++;
        else if (text[at] === ")") {
          at++;
          return { kind: "call", name: name[0].toUpperCase(), args };
        } else fail(", or ) expected");
      }
    }
    return reference();
  };

  const node = expression();
  if (at !== text.length) fail("end expected");
  return node;
}

class FormulaError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/** What Excel hands a custom function for one cell. */
function argumentValue(value: CellValue, empty: null | 0): unknown {
  if (value === null) return empty;
  if (isCellError(value)) return { type: "Error", basicValue: value.error };
  return value;
}

const FUNCTIONS = new Set(["SUM", "MIN", "MAX", "KSTTHC.DIEM", "KSTTHC.XEPLOAI", "KSTTHC.DEXUAT"]);

/** Whether the evaluator knows every part of the formula. */
export function supportsFormula(formula: string): boolean {
  let tree: Node;
  try {
    tree = parse(formula);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return false;
    throw error;
  }
  const known = (node: Node): boolean =>
    node.kind !== "call" || (FUNCTIONS.has(node.name) && node.args.every(known));
  return known(tree);
}

/** Evaluates one formula; errors come back as { error: "#VALUE!" } and the like. */
export function evaluateFormula(
  formula: string,
  read: RangeReader,
  options: EvaluateOptions = {},
): Evaluated {
  const empty = options.empty ?? null;
  let tree: Node;
  try {
    tree = parse(formula);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return { error: "#NAME?" };
    throw error;
  }

  const cells = (ref: Reference) => read(ref.sheet, ref.range);
  /** The numbers MIN, MAX and SUM take: those of referenced cells (text, logical values and blanks left out). */
  const numbersOf = (args: Node[]): number[] => {
    const out: number[] = [];
    for (const arg of args) {
      if (arg.kind === "ref") {
        for (const value of cells(arg).flat()) {
          if (value !== null && isCellError(value)) throw new FormulaError(value.error);
          if (typeof value === "number") out.push(value);
        }
        continue;
      }
      const value = scalar(arg);
      if (typeof value !== "number") throw new FormulaError("#VALUE!");
      out.push(value);
    }
    return out;
  };
  /** An argument of a custom function: a matrix, as Excel passes a cell or a range. */
  const matrix = (arg: Node): unknown[][] => {
    if (arg.kind !== "ref") return [[scalar(arg)]];
    const raw = cells(arg);
    let byEmpty = passedOf.get(raw);
    if (!byEmpty) passedOf.set(raw, (byEmpty = new Map()));
    let converted = byEmpty.get(empty);
    if (!converted)
      byEmpty.set(empty, (converted = raw.map((line) => line.map((v) => argumentValue(v, empty)))));
    return converted;
  };
  const custom = (name: string, args: unknown[], compute: () => unknown[][]): Evaluated => {
    const key = `${name}(${args.map(jsonOf).join(";")})`;
    const known = options.calls?.get(key);
    if (known !== undefined) {
      if (typeof known === "object" && known !== null && "error" in known)
        throw new FormulaError(known.error);
      return known;
    }
    try {
      const value = call(compute);
      options.calls?.set(key, value);
      return value;
    } catch (error) {
      if (error instanceof FormulaError) options.calls?.set(key, { error: error.code });
      throw error;
    }
  };
  const call = (compute: () => unknown[][]): Evaluated => {
    let result: unknown[][];
    try {
      result = compute();
    } catch (error) {
      if (error instanceof ArgumentError) throw new FormulaError("#VALUE!");
      throw error;
    }
    if (result.length !== 1 || result[0].length !== 1) throw new FormulaError("#SPILL!");
    const value = result[0][0];
    if (value instanceof ArgumentError) throw new FormulaError("#VALUE!");
    return value as Evaluated;
  };

  function scalar(node: Node): Evaluated {
    switch (node.kind) {
      case "text":
      case "number":
        return node.value;
      case "ref": {
        const values = cells(node);
        if (values.length !== 1 || values[0].length !== 1) throw new FormulaError("#VALUE!");
        const value = values[0][0];
        if (value !== null && isCellError(value)) throw new FormulaError(value.error);
        return value;
      }
      case "call": {
        const [a, b, c] = node.args;
        const optional = (arg: Node | undefined) => (arg === undefined ? null : matrix(arg));
        const required = (arg: Node | undefined): Node => {
          if (arg === undefined) throw new FormulaError("#VALUE!");
          return arg;
        };
        switch (node.name) {
          case "SUM":
            return numbersOf(node.args).reduce((sum, n) => sum + n, 0);
          case "MIN": {
            const numbers = numbersOf(node.args);
            return numbers.length === 0 ? 0 : Math.min(...numbers);
          }
          case "MAX": {
            const numbers = numbersOf(node.args);
            return numbers.length === 0 ? 0 : Math.max(...numbers);
          }
          case "KSTTHC.DIEM": {
            const args = [scalar(required(a)), matrix(required(b)), optional(c)];
            return custom(node.name, args, () => diem(args[0], args[1], args[2]));
          }
          case "KSTTHC.XEPLOAI": {
            const args = [matrix(required(a)), optional(b)];
            return custom(node.name, args, () => xeploai(args[0], args[1]));
          }
          case "KSTTHC.DEXUAT": {
            const args = [matrix(required(a)), optional(b)];
            return custom(node.name, args, () => dexuat(args[0], args[1]));
          }
          default:
            throw new FormulaError("#NAME?");
        }
      }
    }
  }

  try {
    return scalar(tree);
  } catch (error) {
    if (error instanceof FormulaError) return { error: error.code };
    throw error;
  }
}

/** Cells addressed on sheets, where a cell may hold a formula: evaluated on demand, each once. */
export interface FormulaSheet {
  name: string;
  value: (row: number, col: number) => CellValue;
  formula: (row: number, col: number) => string | undefined;
}

/**
 * A reader over sheets whose formula cells are evaluated (recursively, each once) rather than read, so
 * that =SUM(H9:I9) adds what the DIEM formulas of H9 and I9 give, not what they cached.
 */
export function formulaReader(sheets: FormulaSheet[], options: EvaluateOptions = {}) {
  const memo = new Map<string, CellValue>();
  const ranges = new Map<string, CellValue[][]>();
  const calls = options.calls ?? new Map<string, Evaluated>();
  const find = (name: string) => {
    const sheet = sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  };
  const valueAt = (sheet: FormulaSheet, row: number, col: number): CellValue => {
    const formula = sheet.formula(row, col);
    if (formula === undefined || !supportsFormula(formula)) return sheet.value(row, col);
    const key = `${sheet.name}!${row}!${col}`;
    if (!memo.has(key)) memo.set(key, evaluateAt(sheet, formula));
    return memo.get(key) as CellValue;
  };
  /** A range's values, read once: the same array each time, so that its JSON is made once. */
  const rangeOf = (sheet: FormulaSheet, range: CellRange): CellValue[][] => {
    const key = `${sheet.name}!${range.top}:${range.left}:${range.bottom}:${range.right}`;
    let values = ranges.get(key);
    if (!values) {
      values = [];
      for (let row = range.top; row <= range.bottom; row++) {
        const line: CellValue[] = [];
        for (let col = range.left; col <= range.right; col++) line.push(valueAt(sheet, row, col));
        values.push(line);
      }
      ranges.set(key, values);
    }
    return values;
  };
  const evaluateAt = (sheet: FormulaSheet, formula: string): CellValue =>
    evaluateFormula(formula, (name, range) => rangeOf(name === undefined ? sheet : find(name), range), {
      ...options,
      calls,
    });
  return {
    /** The value of a cell: its formula's result, evaluated now, or the value it holds. */
    value: (sheet: string, row: number, col: number) => valueAt(find(sheet), row, col),
  };
}
