/** Step "recognise groups": the group cell or section wins; a blank group takes the kind the name tells. */
import { recogniseGroups } from "../../../src/core/run/recognise-groups";
import { readUnitTable } from "../../../src/core/reader/units";
import { tracking } from "./grids";

describe("recogniseGroups", () => {
  it("keeps the typed group and gives a blank one the kind of the name", () => {
    const [table] = recogniseGroups([readUnitTable([tracking()])]);
    expect(table.units.map((u) => [u.name, u.group])).toEqual([
      ["Sở Tư pháp", "Sở, ban, ngành"],
      ["UBND xã Đông Thái", "UBND cấp xã"],
      ["Bảo hiểm xã hội tỉnh", "Cơ quan ngành dọc"],
    ]);
  });

  it("leaves the tables it is given unchanged", () => {
    const read = readUnitTable([tracking()]);
    recogniseGroups([read]);
    expect(read.units[1].group).toBe("");
  });
});
