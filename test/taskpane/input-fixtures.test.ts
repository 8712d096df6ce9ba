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
    expect(left.map((p) => `${p.column}${p.row}`)).toEqual(["D8", "D9"]);
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
