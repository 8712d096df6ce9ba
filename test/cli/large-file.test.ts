/**
 * A 50 MB workbook: the unit table beside a large embedded scan, as offices keep them. The CLI scores it,
 * and the picture survives the round trip.
 */
import ExcelJS from "exceljs";
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { main } from "../../src/cli/main";
import type { JsonReport } from "../../src/core/report";
import { SAMPLE, tempDir } from "../helpers/workbooks";

const MB = 1024 * 1024;

it("scores a 50 MB workbook and keeps its embedded picture", async () => {
  const dir = await tempDir();
  try {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(SAMPLE);
    // Random bytes do not compress: the file is as large as the picture.
    const picture = Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), randomBytes(50 * MB)]);
    const image = workbook.addImage({ buffer: picture as unknown as ExcelJS.Buffer, extension: "png" });
    workbook.addWorksheet("Bản chụp").addImage(image, "A1:J30");
    const input = path.join(dir, "lon.xlsx");
    await workbook.xlsx.writeFile(input);
    expect((await fs.stat(input)).size).toBeGreaterThan(50 * MB);

    let stdout = "";
    const output = path.join(dir, "lon-ket-qua.xlsx");
    const code = await main(["score", input, "-o", output, "--json"], {
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
    });
    expect(code).toBe(0);
    const report: JsonReport = JSON.parse(stdout);
    expect(report.eligible).toEqual([
      "Sở Ngoại vụ",
      "UBND huyện An Phú",
      "UBND huyện Phú Tân",
      "Bảo hiểm xã hội tỉnh",
    ]);
    const scored = new ExcelJS.Workbook();
    await scored.xlsx.readFile(output);
    const media = (scored as unknown as { model: { media: { buffer: Buffer }[] } }).model.media;
    expect(media.map((m) => m.buffer.length)).toEqual([picture.length]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
  // Writing and reading 50 MB twice takes a minute on a busy 2-core machine.
}, 240_000);
