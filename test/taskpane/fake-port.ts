/**
 * A workbook port for the pane's tests: the real core over grids in memory. Scoring applies the core's
 * write plan to the grids (values only), so that a second run sees the first one's output columns and the
 * hidden "KSTTHC" sheet, as in Excel. Calls that reach the workbook are recorded.
 */
import type { Criterion } from "../../src/core/criteria";
import { CRITERIA_SHEET } from "../../src/core/criteria-sheet/schema";
import type { CellValue, SheetGrid } from "../../src/core/grid";
import { isFormulaCell, type WritePlan } from "../../src/core/plan/types";
import { runScoring, type RunResult } from "../../src/core/run";
import type { Settings } from "../../src/core/settings";
import type { Source } from "../../src/core/sources/types";
import { readSourceFile } from "../../src/xlsx/source-file";
import { criteriaWritePlan } from "../../src/core/plan/criteria-sheet-plan";
import type {
  AnalyseOptions,
  ProgressListener,
  ScoreRunOptions,
  Selection,
  WorkbookPort,
} from "../../src/taskpane/port";

export function cloneGrids(grids: SheetGrid[]): SheetGrid[] {
  return JSON.parse(JSON.stringify(grids)) as SheetGrid[];
}

function setCell(grid: SheetGrid, row: number, col: number, value: CellValue): void {
  // No holes: the core reads rows as arrays (a hole would also turn into null through JSON).
  for (let r = grid.values.length; r < row; r++) grid.values[r] = [];
  const line = (grid.values[row] ??= []);
  for (let c = line.length; c < col; c++) line[c] = null;
  line[col] = value;
}

/** The values of a write plan, applied as Excel would hold them (formats, formulas and layout left out). */
export function applyPlanToGrids(grids: SheetGrid[], plan: WritePlan): void {
  for (const sheet of plan.sheets) {
    let grid = grids.find((g) => g.name === sheet.name);
    if (sheet.mode === "create") {
      if (grid) grids.splice(grids.indexOf(grid), 1);
      grid = { name: sheet.name, values: [] };
      grids.push(grid);
    }
    if (!grid) throw new Error(`no sheet ${sheet.name}`);
    for (const range of sheet.clear) {
      for (let row = range.top; row <= range.bottom; row++) {
        for (let col = range.left; col <= range.right; col++)
          if (grid.values[row]?.[col] !== undefined) setCell(grid, row, col, null);
      }
    }
    for (const block of sheet.blocks) {
      block.values.forEach((line, r) =>
        line.forEach((value, c) =>
          // A formula holds its result, as Excel reads it back.
          setCell(grid, block.top + r, block.left + c, isFormulaCell(value) ? value.result : value),
        ),
      );
    }
  }
}

/** Holds a promise open until the test lets it go. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

export class FakePort implements WorkbookPort {
  readonly grids: SheetGrid[];
  selection: Selection = { sheet: "Theo dõi 2023", address: "D9" };
  readonly selected: { sheet: string; address?: string }[] = [];
  readonly analysed: AnalyseOptions[] = [];
  readonly scored: ScoreRunOptions[] = [];
  readonly criteriaWritten: { criteria: Criterion[]; settings: Settings }[] = [];
  readonly letters: RunResult[] = [];
  formulasUnavailable?: string;
  private held?: { wait: Promise<void>; open: () => void };

  constructor(grids: SheetGrid[]) {
    this.grids = cloneGrids(grids);
  }

  /** Makes the next score stop after its first progress report until the returned function is called. */
  holdNextScore(): () => void {
    this.held = gate();
    return this.held.open;
  }

  async analyse(options: AnalyseOptions): Promise<RunResult> {
    this.analysed.push(options);
    await Promise.resolve();
    return runScoring(cloneGrids(this.grids), options);
  }

  async score(options: ScoreRunOptions, onProgress: ProgressListener): Promise<RunResult> {
    this.scored.push(options);
    const result = runScoring(cloneGrids(this.grids), options);
    const total = result.plan.sheets.length;
    onProgress(0, total);
    const held = this.held;
    this.held = undefined;
    if (held) await held.wait;
    for (let i = 0; i < total; i++) {
      applyPlanToGrids(this.grids, { styles: result.plan.styles, sheets: [result.plan.sheets[i]] });
      onProgress(i + 1, total);
      await Promise.resolve();
    }
    return result;
  }

  async selectCell(sheet: string, address?: string): Promise<void> {
    this.selected.push({ sheet, address });
  }

  async getSelection(): Promise<Selection> {
    return this.selection;
  }

  async writeCriteria(criteria: Criterion[], settings: Settings): Promise<void> {
    this.criteriaWritten.push({ criteria, settings });
    applyPlanToGrids(this.grids, criteriaWritePlan(criteria, settings));
  }

  /** Source files are read for real, as the page reads them. */
  async readSource(name: string, bytes: Uint8Array): Promise<Source> {
    return readSourceFile(name, bytes);
  }

  readonly lettersShown: RunResult[] = [];
  letterDelivery?: "file" | "sheet";
  showLetterSheet?: (result: RunResult) => Promise<void>;

  /** As Excel's port: the letter is a download, with the summary sheet offered beside it. */
  inExcel(): this {
    this.letterDelivery = "file";
    this.showLetterSheet = async (result) => {
      this.lettersShown.push(result);
    };
    return this;
  }

  async downloadLetter(result: RunResult): Promise<void> {
    this.letters.push(result);
  }

  hasSheet(name: string): boolean {
    return this.grids.some((g) => g.name === name);
  }
}

export { CRITERIA_SHEET };
