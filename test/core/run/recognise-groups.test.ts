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

  it("says once per text a group that names no known kind, and how its units are taken (issue #23, item 3)", () => {
    const grid = {
      name: "Đơn vị",
      values: [
        ["STT", "Tên đơn vị", "Khối", "Điểm 766"],
        [1, "UBND huyện Tri Tôn", "Khối A", 84],
        [2, "Trung tâm Y tế", "Khối A", 70],
        [3, "Sở Tư pháp", "Sở", 81],
      ],
    };
    const [table] = recogniseGroups([readUnitTable([grid])]);
    const notes = table.problems.filter((p) => p.message.includes("không phải khối công cụ nhận ra"));
    expect(notes.map((p) => [p.level, p.row, p.column])).toEqual([["info", 2, "C"]]);
    expect(notes[0].message).toContain(
      "1/2 đơn vị được xếp khối theo tên (ví dụ “UBND huyện Tri Tôn”: UBND cấp huyện)",
    );
    expect(notes[0].message).toContain("1 đơn vị còn lại chỉ được tính các tiêu chí ghi đúng khối “Khối A”");
  });
});
