/** Step "pick table": the one table, a portal export's sheets, and the mapping kept by an earlier run. */
import { META_SHEET, ownershipRows } from "../../../src/core/ownership";
import { UnusableInputError } from "../../../src/core/problems";
import { chooseYear } from "../../../src/core/run/year-choice";
import { customInputsOf, pickTables, recordedHeaders } from "../../../src/core/run/pick-tables";
import { readOwnership } from "../../../src/core/ownership";
import type { SheetGrid } from "../../../src/core/grid";
import { readSource } from "../../../src/core/sources/read-source";
import { scorePackage } from "../../../src/xlsx/package/score";
import { WorkbookPackage } from "../../../src/xlsx/package/workbook-package";
import { promises as fs } from "node:fs";
import { presetById } from "../../../src/core/presets";
import { gridsOf } from "../../helpers/workbooks";
import { EXAMPLE_2025, portalExport, verticalRates2025 } from "../../helpers/source-files";
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

describe("pickTables on the tool's own output (#23)", () => {
  /** The 2025 example (two-row header) scored with a source, read back as grids. */
  async function scoredExample(): Promise<SheetGrid[]> {
    const source = readSource(await gridsOf(verticalRates2025()), "bieu.xlsx");
    const pkg = WorkbookPackage.open(new Uint8Array(await fs.readFile(EXAMPLE_2025)), "theo-doi-2025.xlsx");
    scorePackage(pkg, { sources: [source] });
    const out = WorkbookPackage.open(pkg.save(), "out.xlsx");
    return out.worksheets.map((s) => out.grid(s.name));
  }
  const pick = (grids: SheetGrid[]) => {
    const record = readOwnership(grids.find((g) => g.name === META_SHEET));
    return { record, picked: pickTables(grids, {}, record, criteria, year(grids)) };
  };

  it("reads the header rows its record names, the tool's columns left out", async () => {
    const { record, picked } = pick(await scoredExample());
    expect(record?.headerRows).toEqual({ top: 4, bottom: 5 });
    expect(picked.parts[0].layout).toMatchObject({ headerTop: 4, headerBottom: 5, lastColumn: 5 });
    expect(picked.parts[0].layout.columns.rates.map((r) => r.level)).toEqual(["tinh", "xa"]);
  });

  it("reads the two-row header too with an older record that does not name it", async () => {
    const grids = (await scoredExample()).map((g) =>
      g.name === META_SHEET ? { ...g, values: g.values.filter((l) => l[0] !== "Dòng tiêu đề") } : g,
    );
    const { record, picked } = pick(grids);
    expect(record?.headerRows).toBeUndefined();
    expect(picked.parts[0].layout).toMatchObject({ headerTop: 4, headerBottom: 5 });
    expect(picked.parts[0].problems.filter((p) => p.level === "error")).toEqual([]);
  });

  it("looks for the header again when the tool's own header no longer stands where the record says", async () => {
    const grids = await scoredExample();
    const record = readOwnership(grids.find((g) => g.name === META_SHEET))!;
    const data = grids.find((g) => g.name === record.dataSheet)!;
    expect(recordedHeaders(grids, record)).toEqual({ [data.name]: { top: 4, bottom: 5 } });
    data.values[4][record.outputRange!.left] = "Ghi chú của tôi";
    expect(recordedHeaders(grids, record)).toEqual({});
  });
});
