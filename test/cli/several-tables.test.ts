/**
 * Several unit tables, one rule (issue #23, item 7): yearly sheets "2023", "2024", "2025" (the last with
 * a column more, which once made it win silently) and two tables on one sheet are refused, each named with
 * its sheet, rows and year, with how to choose; the choice made, the table is scored.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { JsonReport } from "../../src/core/report";
import { convertWithLibreOffice, writeWithOpenpyxl } from "../helpers/foreign-writers";
import { tempDir } from "../helpers/workbooks";
import { cli } from "../helpers/cli";

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const YEARLY = [
  `ws.title = "2023"`,
  `ws.append(["STT", "Tên đơn vị", "Điểm 766"])`,
  `ws.append([1, "Sở Ngoại vụ", 70])`,
  `ws.append([2, "Sở Tư pháp", 71])`,
  `ws2 = wb.create_sheet("2024")`,
  `ws2.append(["STT", "Tên đơn vị", "Điểm 766"])`,
  `ws2.append([1, "Sở Ngoại vụ", 80.5])`,
  `ws3 = wb.create_sheet("2025")`,
  `ws3.append(["BẢNG THEO DÕI NĂM 2025"])`,
  `ws3.append(["STT", "Tên đơn vị", "Khối", "Điểm 766", "Tỷ lệ tiếp nhận tại BPMC cấp tỉnh (%)"])`,
  `ws3.append([1, "Sở Ngoại vụ", "Sở, ban, ngành", 90, None])`,
  `ws3.append([2, "Thuế tỉnh", "Cơ quan ngành dọc", None, 100])`,
].join("\n");

async function run(file: string, ...extra: string[]) {
  return cli("score", file, "-o", path.join(dir, "out.xlsx"), "--json", ...extra);
}

describe("yearly sheets", () => {
  it.each(["openpyxl", "LibreOffice"])(
    "are refused as written by %s, each named, until one is chosen",
    async (writer) => {
      let file = await writeWithOpenpyxl(dir, "theo-nam.xlsx", YEARLY);
      if (writer === "LibreOffice") [file] = await convertWithLibreOffice([file], "xlsx", dir);
      const refused = await run(file);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toBe(
        'Lỗi: Có 3 bảng đơn vị có thể tính điểm: trang “2023” (dòng 1–3, năm 2023); trang “2024” (dòng 1–2, năm 2024); trang “2025” (dòng 2–4, năm 2025). Công cụ không tự chọn một bảng: hãy chỉ rõ bảng cần tính (dòng lệnh: --sheet TÊN_TRANG, thêm --header-row SỐ_DÒNG khi một trang có nhiều bảng, ví dụ --sheet "2025"; ngăn tác vụ: chọn trang ở mục “Bảng đơn vị” hoặc bấm “Dùng trang đang chọn”, và khi một trang có nhiều bảng, để bảng cần tính ở một trang riêng). Chưa có gì được ghi.\n',
      );
      expect(await fs.readdir(dir)).not.toContain("out.xlsx");
      const chosen = await run(file, "--sheet", "2025");
      expect(chosen.code).toBe(0);
      expect((JSON.parse(chosen.stdout) as JsonReport).eligible).toEqual(["Sở Ngoại vụ", "Thuế tỉnh"]);
      await fs.rm(path.join(dir, "out.xlsx"), { force: true });
    },
    60_000,
  );
});
