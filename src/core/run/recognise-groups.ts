/** Step "recognise groups": each unit's group, from its group cell or section, else from its name. */
import { groupOfUnit } from "../groups";
import type { UnitTable } from "../reader/units";

/** Units without a group column or section take the group their name tells ("UBND xã …"). */
export function recogniseGroups(parts: UnitTable[]): UnitTable[] {
  return parts.map((part) => ({
    ...part,
    units: part.units.map((u) => ({ ...u, group: groupOfUnit(u.group, u.name) })),
  }));
}
