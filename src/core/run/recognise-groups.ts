/**
 * Step "recognise groups": each unit's group, from its group cell or section, else from its name; a
 * group text that names no known kind ("Khối A", "Nhóm 2") is said once, with how its units are taken
 * (criteria limited to groups then go by the kind the name tells, groups.ts).
 */
import { groupKindOf, groupOfUnit, kindLabelOfName } from "../groups";
import { cellProblem, type Problem } from "../problems";
import type { UnitTable } from "../reader/units";

const KNOWN_KINDS = "Sở, ban, ngành; UBND cấp huyện; UBND cấp xã; Cơ quan ngành dọc";

/** One note per group text that names no known kind, at its first unit. */
function unknownGroupNotes(part: UnitTable): Problem[] {
  const byText = new Map<string, UnitTable["units"]>();
  for (const unit of part.units) {
    if (unit.group === "" || unit.groupUnreadable || groupKindOf(unit.group) !== undefined) continue;
    const units = byText.get(unit.group);
    if (units) units.push(unit);
    else byText.set(unit.group, [unit]);
  }
  const { sheet, columns } = part.layout;
  return [...byText].map(([text, units]) => {
    const byName = units.filter((u) => kindLabelOfName(u.name) !== undefined);
    const example = byName[0];
    const taken = example
      ? `${byName.length}/${units.length} đơn vị được xếp khối theo tên (ví dụ “${example.name}”: ${kindLabelOfName(example.name)})`
      : "không đơn vị nào có tên cho biết khối";
    const rest =
      byName.length < units.length
        ? `; ${units.length - byName.length} đơn vị còn lại chỉ được tính các tiêu chí ghi đúng khối “${text}” hoặc áp dụng cho mọi khối`
        : "";
    return cellProblem(
      sheet,
      units[0].row,
      columns.group ?? columns.name,
      // Info only: a unit whose data a group-limited criterion then leaves out is warned about at its cell.
      "info",
      `khối “${text}” không phải khối công cụ nhận ra (${KNOWN_KINDS}): ${taken}${rest}.`,
    );
  });
}

/** Units without a group column or section take the group their name tells ("UBND xã …"). */
export function recogniseGroups(parts: UnitTable[]): UnitTable[] {
  return parts.map((part) => ({
    ...part,
    // A unit whose group already reads as its label ("UBND cấp huyện") is kept as it is, not copied.
    units: part.units.map((u) => {
      const group = groupOfUnit(u.group, u.name);
      return group === u.group ? u : { ...u, group };
    }),
    problems: [...part.problems, ...unknownGroupNotes(part)],
  }));
}
