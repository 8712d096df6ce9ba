/**
 * The pictures of the clerks' guide are the page as it is: `npm run screenshots` is run again here (into a
 * temporary folder) on the built dist/kstthc.html, and each picture the guide shows must be in docs/anh/
 * with the size the script gives today. A page that changed shape makes this fail until the pictures are
 * made again (`npm run build && npm run screenshots`).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { makeScreenshots, PICTURES, SHOTS } from "../../scripts/screenshots";
import { singleFileSuite } from "./single-file-page";

const GUIDE = path.join(__dirname, "..", "..", "HUONG-DAN.md");

/** Width and height from a PNG's header (IHDR follows the 8-byte signature and its own length and type). */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const { suite, title } = singleFileSuite("the guide's pictures, made by `npm run screenshots`");

suite(title, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kstthc-anh-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("shows in HUONG-DAN.md exactly the pictures the script makes, each as large as the script makes it now", async () => {
    const shown = [...readFileSync(GUIDE, "utf8").matchAll(/!\[[^\]]*\]\(docs\/anh\/([^)]+)\)/g)].map(
      (m) => m[1],
    );
    expect(shown.sort()).toEqual(Object.keys(SHOTS).sort());
    expect(readdirSync(PICTURES).sort()).toEqual(Object.keys(SHOTS).sort());

    const written = await makeScreenshots(dir);
    expect(written.map((f) => path.basename(f)).sort()).toEqual(Object.keys(SHOTS).sort());
    for (const name of shown) {
      expect(existsSync(path.join(dir, name))).toBe(true);
      expect({ name, ...pngSize(path.join(PICTURES, name)) }).toEqual({
        name,
        ...pngSize(path.join(dir, name)),
      });
    }
  });
});
