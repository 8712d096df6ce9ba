/**
 * The chart of the 766 scores in the files the CLI and the web page write: a drawing part and a chart
 * part under the summary sheet, their relationships and content types, the sheet's <drawing> where the
 * schema orders it; the same bytes on a second run; the parts gone when a run has nothing to draw; and
 * LibreOffice opens the file and draws the chart (its title is in no cell, only in the chart).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { CHART_TITLE } from "../../src/core/plan/chart-plan";
import { chartsOfPackage } from "../helpers/chart-parts";
import { hasSoffice, sofficeConvert } from "../helpers/office-tools";
import { entryNames, partText, sheetPart, scoredPackage } from "../helpers/package-parts";
import { SAMPLE } from "../helpers/workbooks";

const SUMMARY = "Tổng hợp";

const scored = (bytes: Uint8Array, name = "mau.xlsx") => scoredPackage(bytes, {}, name);

const sample = () => new Uint8Array(readFileSync(SAMPLE));

/** The sample with every 766 score removed: nothing to draw. */
function withoutScores(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  const part = sheetPart(bytes, "Theo dõi 2023");
  // Column D holds the 766 scores of the sample's units (rows 8 on): their cells go.
  parts[part] = strToU8(
    strFromU8(parts[part]).replace(/<c r="D(\d+)"[^>]*?(\/>|>[\s\S]*?<\/c>)/g, (cell, row) =>
      Number(row) >= 8 ? "" : cell,
    ),
  );
  return zipSync(parts);
}

describe("the chart part of the summary sheet", () => {
  const out = scored(sample());
  const summaryPart = sheetPart(out, SUMMARY);
  const rels = (part: string) => {
    const slash = part.lastIndexOf("/");
    return partText(out, `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`);
  };

  it("links sheet → drawing → chart, each part with its content type", () => {
    const sheetRels = rels(summaryPart);
    expect(sheetRels).toMatch(/Type="[^"]*\/relationships\/drawing" Target="..\/drawings\/drawing1.xml"/);
    expect(rels("xl/drawings/drawing1.xml")).toMatch(
      /Type="[^"]*\/relationships\/chart" Target="..\/charts\/chart1.xml"/,
    );
    const types = partText(out, "[Content_Types].xml");
    expect(types).toContain(
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
    );
    expect(types).toContain(
      `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
    );
  });

  it("puts <drawing> after the page setup and row breaks, as CT_Worksheet orders it", () => {
    const xml = partText(out, summaryPart);
    const at = (tag: string) => xml.indexOf(`<${tag}`);
    expect(at("drawing")).toBeGreaterThan(at("pageSetup"));
    expect(at("drawing")).toBeGreaterThan(at("rowBreaks"));
    expect(xml).toMatch(/<drawing r:id="rId1"\/><\/worksheet>$/);
  });

  it("draws the 28 units of the 766 groups as bars, the 3 proposed ones marked, and the threshold as a line", () => {
    const [chart] = chartsOfPackage(out, SUMMARY);
    expect(chart.title).toBe(CHART_TITLE);
    expect(chart.bars.values).toMatch(/^'Tổng hợp'!O\d+:O\d+$/);
    const xml = partText(out, "xl/charts/chart1.xml");
    const bar = /<c:barChart>[\s\S]*<\/c:barChart>/.exec(xml)?.[0] ?? "";
    expect(bar).toContain(`<c:ptCount val="28"/>`);
    expect(Object.keys(chart.bars.marked).map(Number)).toHaveLength(3);
    // The cached labels name the units in their order; the group's label only where the group starts.
    expect(bar).toContain("<c:v>Sở Ngoại vụ</c:v>");
    // The group once per group, under its first bar: the outer level holds one label per group.
    const outer = [...bar.matchAll(/<c:lvl>([\s\S]*?)<\/c:lvl>/g)][1]?.[1] ?? "";
    expect(
      [...outer.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v>/g)].map((m) => [Number(m[1]), m[2]]),
    ).toEqual([
      [0, "Sở, ban, ngành"],
      [17, "UBND cấp huyện"],
    ]);
    // The value axis shows the region around the threshold, from the lowest score (65,40) rounded down to 10.
    expect(xml).toMatch(/<c:valAx>[\s\S]*<c:max val="100"\/><c:min val="60"\/>/);
    expect(chart.line).toMatchObject({ name: "Ngưỡng đề xuất (> 80)", colour: "#C00000" });
    expect(
      (/<c:lineChart>[\s\S]*<\/c:lineChart>/.exec(xml)?.[0] ?? "").match(/<c:v>80<\/c:v>/g),
    ).toHaveLength(28);
  });

  it("gives the same bytes on a second run, reusing its own parts", () => {
    const again = scored(out);
    expect(Buffer.from(again).equals(Buffer.from(out))).toBe(true);
    expect(entryNames(again).filter((n) => /chart|drawing|worksheets\/_rels/.test(n))).toEqual([
      "xl/charts/chart1.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/drawings/drawing1.xml",
      "xl/worksheets/_rels/sheet3.xml.rels",
    ]);
  });

  it("replaces the chart parts Excel adds when it saves the file (style, colours), and leaves images", () => {
    // As Excel saves a chart: a style and a colour part under it; and a picture the user put on the sheet.
    const parts = unzipSync(out);
    const ms = "http://schemas.microsoft.com/office/2011/relationships";
    parts["xl/charts/_rels/chart1.xml.rels"] = strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="${ms}/chartColorStyle" Target="colors1.xml"/><Relationship Id="rId1" Type="${ms}/chartStyle" Target="style1.xml"/></Relationships>`,
    );
    parts["xl/charts/style1.xml"] = strToU8("<cs:chartStyle/>");
    parts["xl/charts/colors1.xml"] = strToU8("<cs:colorStyle/>");
    parts["xl/media/image1.png"] = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);
    const drawingRels = strFromU8(parts["xl/drawings/_rels/drawing1.xml.rels"]);
    parts["xl/drawings/_rels/drawing1.xml.rels"] = strToU8(
      drawingRels.replace(
        "</Relationships>",
        `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image1.png"/></Relationships>`,
      ),
    );
    const types = strFromU8(parts["[Content_Types].xml"]).replace(
      "</Types>",
      `<Override PartName="/xl/charts/style1.xml" ContentType="application/vnd.ms-office.chartstyle+xml"/><Override PartName="/xl/charts/colors1.xml" ContentType="application/vnd.ms-office.chartcolorstyle+xml"/></Types>`,
    );
    parts["[Content_Types].xml"] = strToU8(types);
    const again = scored(zipSync(parts));
    const names = entryNames(again);
    expect(names.filter((n) => /^xl\/(charts|drawings|media)\//.test(n)).sort()).toEqual([
      "xl/charts/chart1.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/drawings/drawing1.xml",
      "xl/media/image1.png",
    ]);
    expect(partText(again, "[Content_Types].xml")).not.toMatch(/style1|colors1/);
    expect(partText(again, "xl/charts/chart1.xml")).toBe(partText(out, "xl/charts/chart1.xml"));
  });

  it("removes its chart parts when a later run has no score to draw", () => {
    const emptied = scored(withoutScores(out));
    expect(entryNames(emptied).filter((n) => /chart|drawing/.test(n))).toEqual([]);
    expect(partText(emptied, "[Content_Types].xml")).not.toMatch(/drawing1|chart1/);
    expect(partText(emptied, sheetPart(emptied, SUMMARY))).not.toContain("<drawing");
  });
});

const withSoffice = hasSoffice() ? describe : describe.skip;

withSoffice("LibreOffice and the chart part", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kstthc-chart-"));
  const out = scored(sample());

  it("keeps the chart when it saves the file again as .xlsx", async () => {
    const file = path.join(dir, "da-tinh-diem.xlsx");
    writeFileSync(file, out);
    const [converted] = await sofficeConvert([file], "xlsx", path.join(dir, "lo"));
    const bytes = new Uint8Array(readFileSync(converted));
    const [chart] = chartsOfPackage(bytes, SUMMARY);
    expect(chart.title).toBe(CHART_TITLE);
    const xml = strFromU8(
      unzipSync(bytes)[entryNames(bytes).find((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)) ?? ""],
    );
    // Its own reading of the parts: 28 bars, 3 of them filled apart, and a line series.
    expect(xml).toMatch(/<c:barChart>[\s\S]*<c:ptCount val="28"\/>/);
    expect(xml.match(/<c:dPt>/g)).toHaveLength(3);
    expect(xml).toContain("<c:lineChart>");
  }, 300_000);

  it("draws the chart: printed without the letter's print area, the chart's title is on the page", async () => {
    // The chart stands outside the letter's print area (it is not printed with the letter): a copy
    // without print areas prints the whole sheet.
    const parts = unzipSync(out);
    parts["xl/workbook.xml"] = strToU8(
      strFromU8(parts["xl/workbook.xml"]).replace(/<definedNames>[\s\S]*?<\/definedNames>/, ""),
    );
    const file = path.join(dir, "khong-vung-in.xlsx");
    writeFileSync(file, zipSync(parts));
    const [pdf] = await sofficeConvert([file], "pdf", path.join(dir, "pdf"));
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    // The title is in no cell: only a drawn chart puts it on the page.
    expect(text).toContain(CHART_TITLE);
    expect(text).toContain("Ngưỡng đề xuất (> 80)");
  }, 300_000);
});
