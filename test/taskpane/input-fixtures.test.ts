/** @jest-environment jsdom */
/**
 * The input fixtures of issue #23 in the web page's file port (jsdom): the same workbook as the CLI and
 * the add-in read, the same units proposed and the same notes at the same cells.
 */
import { promises as fs } from "node:fs";
import { openFilePort } from "../../src/taskpane/file-port";
import { writeWithOpenpyxl } from "../helpers/foreign-writers";
import {
  GROUP_TEXTS_PROPOSED,
  GROUP_TEXTS_SCRIPT,
  LEGACY_PROPOSED,
  legacyScript,
} from "../helpers/input-fixtures";
import { toTcvn3, toVni } from "../helpers/legacy-text";
import {
  MACRO_MAIN,
  MACRO_PROPOSED,
  VBA_PART,
  vbaProjectBytes,
  writeMacroWorkbook,
} from "../helpers/macro-workbook";
import JSZip from "jszip";
import { scoredFileName } from "../../src/taskpane/download";
import { tempDir } from "../helpers/workbooks";
import { captureDownloads } from "./dom-stubs";

let dir: string;
let capture: ReturnType<typeof captureDownloads>;
beforeEach(async () => {
  dir = await tempDir();
  capture = captureDownloads();
});
afterEach(async () => {
  capture.restore();
  await fs.rm(dir, { recursive: true, force: true });
});

async function portOf(name: string, script: string) {
  const file = await writeWithOpenpyxl(dir, name, script);
  return openFilePort(name, new Uint8Array(await fs.readFile(file)));
}

describe("group texts in the web page (item 3)", () => {
  it("recognises short forms and names, and warns at the cell of a figure left out", async () => {
    const port = await portOf("khoi-viet-tat.xlsx", GROUP_TEXTS_SCRIPT);
    const result = await port.score({ output: "values" }, () => undefined);
    expect(result.scores.filter((s) => s.eligible).map((s) => s.unit.name)).toEqual(GROUP_TEXTS_PROPOSED);
    const left = result.problems.filter((p) => /nên không được tính/.test(p.message));
    expect(left.map((p) => `${p.column}${p.row}`)).toEqual(["D8"]);
  });
});

describe("legacy encodings in the web page (item 2)", () => {
  it.each([
    ["TCVN3 (ABC)", toTcvn3],
    ["VNI", toVni],
  ])("converts names and groups typed in %s, and says so", async (label, encode) => {
    const port = await portOf("ma-cu.xlsx", legacyScript(encode));
    const result = await port.score({ output: "values" }, () => undefined);
    expect(result.scores.filter((s) => s.eligible).map((s) => s.unit.name)).toEqual(LEGACY_PROPOSED);
    const notes = result.problems.filter((p) => p.message.includes("đã được chuyển sang Unicode"));
    expect(notes.map((p) => p.column)).toEqual(["B", "C"]);
    expect(notes[0].message).toContain(`6 ô tên gõ bằng bảng mã ${label}`);
  });

  it("refuses a column mixing Unicode and TCVN3 at its cells", async () => {
    const port = await portOf(
      "lan-ma.xlsx",
      legacyScript((t, i) => (i === 2 ? toTcvn3(t) : t)),
    );
    const result = await port.score({ output: "values" }, () => undefined);
    const errors = result.problems.filter((p) => p.level === "error");
    expect(errors.map((p) => `${p.column}${p.row}`)).toEqual(["B4", "C4"]);
  });
});

describe("a macro workbook in the web page (item 4)", () => {
  it("downloads the scored .xlsm as .xlsm, with its MIME type, VBA project and content type", async () => {
    const file = await writeMacroWorkbook(dir);
    const port = await openFilePort("theo-doi-macro.xlsm", new Uint8Array(await fs.readFile(file)));
    const result = await port.score({ output: "values" }, () => undefined);
    expect(result.scores.filter((s) => s.eligible).map((s) => s.unit.name)).toEqual(MACRO_PROPOSED);
    port.file.download();
    const [download] = capture.downloads;
    expect(download.fileName).toBe("theo-doi-macro-da-tinh-diem.xlsm");
    // MIME types are case-insensitive; a Blob's type is lower-cased (File API, "type" of Blob).
    expect(download.type).toBe("application/vnd.ms-excel.sheet.macroenabled.12");
    const zip = await JSZip.loadAsync(await download.bytes());
    const vba = await zip.file(VBA_PART)!.async("uint8array");
    expect(Buffer.from(vba).equals(Buffer.from(vbaProjectBytes()))).toBe(true);
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain(
      `<Override PartName="/xl/workbook.xml" ContentType="${MACRO_MAIN}"/>`,
    );
  }, 120_000);

  it("names the download by the content, whatever the name says", () => {
    expect(scoredFileName("theo-doi.xlsm", ".xlsm")).toBe("theo-doi-da-tinh-diem.xlsm");
    expect(scoredFileName("theo-doi-da-tinh-diem.xlsm", ".xlsm")).toBe("theo-doi-da-tinh-diem.xlsm");
    expect(scoredFileName("doi-ten.xlsx", ".xlsm")).toBe("doi-ten-da-tinh-diem.xlsm");
  });
});
