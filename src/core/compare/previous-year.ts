/**
 * Reads last year's workbook: a workbook the tool scored (its output columns give the total and the
 * proposal as written that year) or any unit table of that year (scored now, with its own "Tiêu chí"
 * sheet or the preset of its year). Refuses, naming file, sheet, row and column, what cannot be read.
 */
import { cellAt, cellText, columnLetter, isBlank, type CellValue, type SheetGrid } from "../grid";
import { formatNumberVi, parseNumberText } from "../numbers";
import { findMetaGrid, ownershipOf, readOwnership } from "../ownership";
import { NO, PROPOSAL_HEADER, TOTAL_HEADER, YES } from "../plan/output-columns";
import { PRESETS } from "../presets";
import { UnusableInputError, type Problem } from "../problems";
import { runScoring, type RunResult } from "../run";
import type { UnitScore } from "../scoring";
import { SOURCE_HEADERS } from "../sources/join";
import { foldKey } from "../text";
import { unitCodes } from "./codes";
import type { PreviousUnit, PreviousYear } from "./types";

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase("vi") + text.slice(1);

/** The tool's output columns on one sheet of the scored workbook, by header. */
interface OutputColumns {
  total: number;
  proposal: number;
  /** "Điểm 766 dùng để tính", when sources were joined that year. */
  score766?: number;
}

function outputColumns(grids: SheetGrid[], sheet: string): OutputColumns | undefined {
  const ownership = readOwnership(findMetaGrid(grids));
  const range = ownershipOf(ownership, sheet)?.outputRange;
  const grid = grids.find((g) => g.name === sheet);
  if (!range || !grid) return undefined;
  const find = (header: string) => {
    for (let col = range.left; col <= range.right; col++) {
      if (foldKey(cellText(cellAt(grid, range.top, col))) === foldKey(header)) return col;
    }
    return undefined;
  };
  const total = find(TOTAL_HEADER);
  const proposal = find(PROPOSAL_HEADER);
  if (total === undefined || proposal === undefined) return undefined;
  return { total, proposal, score766: find(SOURCE_HEADERS[0]) };
}

function refuseCell(file: string, sheet: string, row: number, col: number, detail: string): never {
  throw new UnusableInputError(
    `Tệp năm trước “${file}”, trang “${sheet}”, dòng ${row + 1}, cột ${columnLetter(col)}: ${detail} Hãy sửa ô này (hoặc chọn tệp năm trước khác) rồi chạy lại. Chưa có gì được ghi.`,
  );
}

function numberIn(value: CellValue): number | null | undefined {
  if (isBlank(value)) return null;
  if (typeof value === "number") return value;
  if (typeof value === "string") {
    const parsed = parseNumberText(value);
    return parsed.ok ? parsed.value : undefined;
  }
  return undefined;
}

/** A unit's figures as the output columns wrote them; a blank cell falls back to the rescoring, said. */
function fromOutput(
  score: UnitScore,
  grid: SheetGrid,
  cols: OutputColumns,
  file: string,
  problems: Problem[],
): Pick<PreviousUnit, "score766" | "total" | "eligible"> {
  const row = score.unit.row;
  const cell = (col: number) => cellAt(grid, row, col);
  const total = numberIn(cell(cols.total));
  if (total === undefined) {
    refuseCell(
      file,
      grid.name,
      row,
      cols.total,
      `ô “${TOTAL_HEADER}” ghi “${cellText(cell(cols.total))}”, không phải số.`,
    );
  }
  const proposalText = foldKey(cellText(cell(cols.proposal)));
  const eligible =
    proposalText === foldKey(YES)
      ? true
      : proposalText === foldKey(NO)
        ? false
        : proposalText === ""
          ? null
          : undefined;
  if (eligible === undefined) {
    refuseCell(
      file,
      grid.name,
      row,
      cols.proposal,
      `ô “${PROPOSAL_HEADER}” ghi “${cellText(cell(cols.proposal))}”, không phải “${YES}” hay “${NO}”.`,
    );
  }
  let score766 = score.unit.score766;
  if (cols.score766 !== undefined) {
    const used = numberIn(cell(cols.score766));
    if (used === undefined) {
      refuseCell(
        file,
        grid.name,
        row,
        cols.score766,
        `ô “${SOURCE_HEADERS[0]}” ghi “${cellText(cell(cols.score766))}”, không phải số.`,
      );
    }
    score766 = used;
  }
  if (total === null || eligible === null) {
    problems.push({
      file,
      sheet: grid.name,
      row: row + 1,
      level: "info",
      message: `Tệp năm trước “${file}”, trang “${grid.name}”, dòng ${row + 1}: “${score.unit.name}” chưa có tổng điểm hoặc đề xuất ở các cột kết quả; dùng kết quả chấm lại (tổng ${formatNumberVi(score.total)}).`,
    });
  }
  return {
    score766,
    total: total ?? score.total,
    eligible: eligible ?? score.eligible,
  };
}

function criteriaText(result: RunResult): string {
  if (result.criteriaSource === "sheet") return "chấm lại theo trang “Tiêu chí” của tệp đó";
  const preset = PRESETS.find((p) => p.id === result.preset)?.label ?? "mặc định";
  return `chấm lại theo mẫu “${preset}” (tệp chưa có trang “Tiêu chí”)`;
}

export function readPreviousYear(grids: SheetGrid[], file: string): PreviousYear {
  let result: RunResult;
  try {
    result = runScoring(grids, { fileName: file, writeCriteriaSheet: false });
  } catch (error) {
    if (error instanceof UnusableInputError) {
      throw new UnusableInputError(`Tệp năm trước “${file}”: ${lowerFirst(error.message)}`);
    }
    throw error;
  }
  const codes = unitCodes(result.parts, grids);
  const problems: Problem[] = [];
  const sheetOf = (score: UnitScore) =>
    (result.parts.find((p) => p.units.includes(score.unit)) ?? result.table).layout.sheet;
  const columns = new Map(result.parts.map((p) => [p.layout.sheet, outputColumns(grids, p.layout.sheet)]));
  const scored = [...columns.values()].some(Boolean);
  const units: PreviousUnit[] = result.scores.map((score) => {
    const sheet = sheetOf(score);
    const cols = columns.get(sheet);
    const grid = grids.find((g) => g.name === sheet) as SheetGrid;
    const figures = cols
      ? fromOutput(score, grid, cols, file, problems)
      : { score766: score.unit.score766, total: score.total, eligible: score.eligible };
    return {
      sheet,
      row: score.unit.row,
      name: score.unit.name,
      code: codes.get(score.unit),
      group: score.unit.group,
      ...figures,
    };
  });
  // The errors of that year's table (a cell it could not read) matter here: its figures may be missing.
  for (const p of result.problems.filter((q) => q.level === "error")) {
    problems.push({ ...p, file, message: `Tệp năm trước “${file}”, ${lowerFirst(p.message)}` });
  }
  return {
    file,
    how: scored ? "output" : "rescored",
    howText: scored ? "điểm lấy từ các cột kết quả của công cụ trong tệp đó" : criteriaText(result),
    year: result.year,
    units,
    problems,
  };
}
