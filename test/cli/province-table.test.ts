/**
 * `kstthc score` on the province example (issue 26): the JSON report's rating, rank, maximum and
 * evidence, the output columns read back by an independent reader, the appendix's columns, and a run
 * over its own output that changes nothing.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { cli, readBook } from "../helpers/cli";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "bang-tieu-chi-rieng-minh-hoa-2025.xlsx");

describe("the CLI on a province's own table", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "kstthc-province-"));
  const output = path.join(dir, "ket-qua.xlsx");
  const docx = path.join(dir, "cong-van.docx");

  it("reports each unit's emulation rating, rank in group, maximum, evidence and differences", async () => {
    const run = await cli("score", EXAMPLE, "-o", output, "--docx", docx, "--json");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      units: Record<string, unknown>[];
    };
    const thanhTra = report.units.find((u) => u.name === "Thanh tra tỉnh");
    expect(thanhTra).toMatchObject({
      total: 98.82,
      maximum: 85,
      emulationRating: "Hoàn thành xuất sắc",
      rankInGroup: 2,
      evidence: [
        { code: "I.1", evidence: "Báo cáo số 05/BC-TTr" },
        { code: "IV", evidence: "Báo cáo số 06/BC-TTr" },
      ],
    });
    expect(report.units.find((u) => u.name === "Sở Y tế")).toMatchObject({
      differences: [{ code: "I.1", self: 10, computed: 9 }],
    });
  });

  it("writes the rating and the rank beside the proposal, and both in the appendix", async () => {
    const sheet = (await readBook(output)).getWorksheet("Theo dõi");
    const header = (sheet?.getRow(4).values as unknown[]).filter(Boolean);
    const at = header.indexOf("Xếp loại thi đua");
    expect(header.slice(at - 1, at + 3)).toEqual([
      "Đề xuất khen thưởng",
      "Xếp loại thi đua",
      "Xếp hạng trong khối",
      "Cách tính điểm",
    ]);
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file("word/document.xml")?.async("string");
    expect(xml).toContain("Xếp loại thi đua");
    expect(xml).toContain("Xếp hạng trong khối");
  });

  it("changes nothing when run on its own output", async () => {
    const again = path.join(dir, "lan-hai.xlsx");
    expect((await cli("score", output, "-o", again)).code).toBe(0);
    expect(readFileSync(again).equals(readFileSync(output))).toBe(true);
  });
});
