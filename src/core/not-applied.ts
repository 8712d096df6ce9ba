/**
 * Figures that count for nothing because their criterion does not apply to the unit's group (a 766 score
 * of a unit in "Nhóm 2", a one-stop rate of a department): said, never dropped in silence. Where the
 * group names no known kind the tool may have misread it: a warning at each cell. Where it is a known
 * kind the criterion leaves out, the decision is sure: one note per criterion and group, with the count.
 */
import type { Criterion } from "./criteria";
import { groupKindOf } from "./groups";
import { cellProblem, type Problem } from "./problems";
import type { Unit } from "./reader/units";

interface LeftOut {
  unit: Unit;
  criterion: Criterion;
  col: number | undefined;
}

const wantedOf = (criterion: Criterion) => criterion.appliesTo.map((g) => `“${g}”`).join(", ");

export class NotAppliedNotes {
  private readonly sure = new Map<string, LeftOut[]>();
  private readonly doubtful: LeftOut[] = [];

  add(unit: Unit, criterion: Criterion, col: number | undefined): void {
    if (groupKindOf(unit.group) === undefined) {
      this.doubtful.push({ unit, criterion, col });
      return;
    }
    const key = `${criterion.code}\u0000${unit.group}`;
    const list = this.sure.get(key);
    if (list) list.push({ unit, criterion, col });
    else this.sure.set(key, [{ unit, criterion, col }]);
  }

  problems(sheet: string): Problem[] {
    const doubtful = this.doubtful.map(({ unit, criterion, col }) =>
      cellProblem(
        sheet,
        unit.row,
        col,
        "warning",
        `“${unit.name}” có số liệu cho tiêu chí ${criterion.code} nhưng tiêu chí này chỉ áp dụng cho ${wantedOf(criterion)}, còn đơn vị thuộc khối “${unit.group}”, nên không được tính; nếu đơn vị thuộc một trong các khối đó, hãy sửa cột khối.`,
      ),
    );
    const sure = [...this.sure.values()].map((list) => {
      const [{ unit, criterion, col }] = list;
      const who = list.length === 1 ? `“${unit.name}”` : `${list.length} đơn vị (đầu tiên: “${unit.name}”)`;
      return cellProblem(
        sheet,
        unit.row,
        col,
        "info",
        `${who} thuộc khối “${unit.group}” có số liệu cho tiêu chí ${criterion.code}, nhưng tiêu chí này chỉ áp dụng cho ${wantedOf(criterion)} nên số liệu đó không được tính.`,
      );
    });
    return [...doubtful, ...sure];
  }
}
