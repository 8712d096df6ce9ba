/** Step "apply sources": a source's figures replace the table's in memory, with their origin. */
import { UnusableInputError } from "../../../src/core/problems";
import { readUnitTable } from "../../../src/core/reader/units";
import { applySources } from "../../../src/core/run/apply-sources";
import { readSource } from "../../../src/core/sources/read-source";
import { gridsOf } from "../../helpers/workbooks";
import { ii07b } from "../../helpers/source-files";
import { tracking } from "./grids";

async function bieu() {
  // Bảo hiểm xã hội tỉnh: 30 of 30 at the provincial level.
  return readSource(
    await gridsOf(ii07b([[1, "Bảo hiểm xã hội tỉnh", 30, 30, 0, 0, 30, 30, 0, 0, 30]])),
    "bieu.xlsx",
  );
}

describe("applySources", () => {
  it("without sources hands the tables on as they are", () => {
    const grids = [tracking()];
    const table = readUnitTable(grids);
    const applied = applySources(grids, [table], undefined, {});
    expect(applied.parts).toEqual([{ table, dataGrid: grids[0], joined: undefined }]);
    expect(applied.provenance).toEqual([]);
    expect(applied.problems).toEqual([]);
  });

  it("joins a source's rates into the unit it names and says where they came from", async () => {
    const grids = [tracking()];
    const table = readUnitTable(grids);
    const source = await bieu();
    const applied = applySources(grids, [table], undefined, { sources: [source] });
    const bhxh = applied.parts[0].table.units.find((u) => u.name === "Bảo hiểm xã hội tỉnh")!;
    expect(bhxh.rates).toContainEqual({ level: "tinh", value: 100 });
    expect(applied.parts[0].joined?.columns.get(bhxh.row)?.[2]).toContain("bieu.xlsx");
    expect(applied.provenance.map((p) => p.file)).toEqual(["bieu.xlsx"]);
    // The table read is not changed: the figures used live in the joined copy.
    expect(table.units.find((u) => u.name === "Bảo hiểm xã hội tỉnh")!.rates).toContainEqual({
      level: "tinh",
      value: 100,
    });
  });

  it("refuses formulas with sources, since formulas cannot read the sources' figures", async () => {
    const grids = [tracking()];
    const source = await bieu();
    expect(() =>
      applySources(grids, [readUnitTable(grids)], undefined, { sources: [source], output: "formulas" }),
    ).toThrow(UnusableInputError);
  });
});
