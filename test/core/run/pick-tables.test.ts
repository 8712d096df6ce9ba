/** Step "pick table": the one table, a portal export's sheets, and the mapping kept by an earlier run. */
import { META_SHEET, ownershipRows } from "../../../src/core/ownership";
import { UnusableInputError } from "../../../src/core/problems";
import { chooseYear } from "../../../src/core/run/year-choice";
import { customInputsOf, pickTables } from "../../../src/core/run/pick-tables";
import { presetById } from "../../../src/core/presets";
import { gridsOf } from "../../helpers/workbooks";
import { portalExport } from "../../helpers/source-files";
import { grid, tracking } from "./grids";

const criteria = presetById("tu-nam-2025")!.criteria();
const year = (grids: Parameters<typeof chooseYear>[0]) => {
  const found = chooseYear(grids, {}, null, []);
  return { year: found.year, found };
};

describe("pickTables", () => {
  it("reads the one unit table with its header", () => {
    const grids = [tracking()];
    const picked = pickTables(grids, {}, undefined, criteria, year(grids));
    expect(picked.parts).toHaveLength(1);
    expect(picked.parts[0].layout).toMatchObject({ sheet: "Theo dõi 2025", headerTop: 1, headerBottom: 1 });
    expect(picked.parts[0].units.map((u) => u.name)).toEqual([
      "Sở Tư pháp",
      "UBND xã Đông Thái",
      "Bảo hiểm xã hội tỉnh",
    ]);
    expect(picked.own).toBeUndefined();
  });

  it("reads a portal export's sheets of units as parts, the workbook being their source", async () => {
    const grids = await gridsOf(portalExport());
    const picked = pickTables(grids, { fileName: "bao-cao-766.xlsx" }, undefined, criteria, year(grids));
    expect(picked.parts.map((p) => p.layout.sheet)).toEqual(["Sở Ban", "Xã Phường"]);
    expect(picked.own?.file).toBe("bao-cao-766.xlsx");
  });

  it("applies the mapping an earlier run kept, on the sheet it scored", () => {
    const other = grid("Ghi chú", [
      ["Tên đơn vị", "Điểm 766"],
      ["Sở A", 90],
    ]);
    const record = { dataSheet: "Theo dõi 2025", mapping: "ten=B,diem766=D,dong=2" };
    const grids = [other, tracking(), grid(META_SHEET, ownershipRows(record))];
    const picked = pickTables(grids, {}, record, criteria, year(grids));
    expect(picked.parts[0].layout.sheet).toBe("Theo dõi 2025");
    expect(picked.mapping).toMatchObject({ name: 1, score766: 3, headerRow: 1 });
  });

  it("names the columns criteria read besides the 766 score and the one-stop rate", () => {
    expect(customInputsOf(criteria)).toEqual([]);
    const custom = [...criteria, { ...criteria[0], code: "V", input: "Số văn bản" }];
    expect(customInputsOf(custom)).toEqual(["Số văn bản"]);
  });

  it("refuses a workbook without a unit table", () => {
    const grids = [grid("Trang 1", [["Danh sách"], ["a", "b"]])];
    expect(() => pickTables(grids, {}, undefined, criteria, year(grids))).toThrow(UnusableInputError);
  });
});
