/**
 * A chart as the tests compare it, read from a package's parts (sheet → drawing → chart) or from the
 * recording fake of Excel: the same shape for both, so that the two adapters can be held to one picture.
 */
import type { CellRange } from "../../src/core/grid";
import type { ChartState, FakeExcel } from "../excel/fake-excel";
import { partsOf, partText, sheetPart } from "./package-parts";
import { strFromU8 } from "fflate";

export interface ChartPicture {
  name: string;
  title: string;
  bars: { name: string; values: string; categories: string; fill: string; marked: Record<number, string> };
  line: { name: string; values: string; categories: string; colour: string; type: string };
  axis: { min: number; max: number };
  /** The cells the chart covers. */
  position: CellRange;
}

const plainAddress = (f: string) => f.replace(/\$/g, "").replace(/&apos;/g, "'");

function resolve(from: string, target: string): string {
  const parts = from.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== ".") parts.push(piece);
  }
  return parts.join("/");
}

function relsOf(bytes: Uint8Array, part: string): { id: string; type: string; part: string }[] {
  const slash = part.lastIndexOf("/");
  const rels = `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
  const data = partsOf(bytes).get(rels);
  if (!data) return [];
  return [...strFromU8(data).matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
    id: /Id="([^"]+)"/.exec(m[0])?.[1] ?? "",
    type: /Type="([^"]+)"/.exec(m[0])?.[1] ?? "",
    part: resolve(part, /Target="([^"]+)"/.exec(m[0])?.[1] ?? ""),
  }));
}

/** The first group `pattern` finds, its XML entities read back ("&gt;" is ">"). */
const text = (xml: string, pattern: RegExp) =>
  (pattern.exec(xml)?.[1] ?? "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The charts of a sheet of a package, with the drawing's anchors. */
export function chartsOfPackage(bytes: Uint8Array, sheet: string): ChartPicture[] {
  const part = sheetPart(bytes, sheet);
  const drawing = relsOf(bytes, part).find((r) => r.type.endsWith("/drawing"));
  if (!drawing) return [];
  const drawingXml = partText(bytes, drawing.part);
  const charts = relsOf(bytes, drawing.part);
  return [...drawingXml.matchAll(/<xdr:twoCellAnchor\b[\s\S]*?<\/xdr:twoCellAnchor>/g)].map((m) => {
    const anchor = m[0];
    const cell = (tag: string) => {
      const xml = text(anchor, new RegExp(`<xdr:${tag}>([\\s\\S]*?)</xdr:${tag}>`));
      return { col: Number(text(xml, /<xdr:col>(\d+)/)), row: Number(text(xml, /<xdr:row>(\d+)/)) };
    };
    const from = cell("from");
    const to = cell("to");
    const id = text(anchor, /<c:chart\b[^>]*r:id="([^"]+)"/);
    const chart = partText(bytes, charts.find((c) => c.id === id)?.part ?? "");
    const [barSer, lineSer] = [
      text(chart, /<c:barChart>[\s\S]*?(<c:ser>[\s\S]*?<\/c:ser>)/),
      text(chart, /<c:lineChart>[\s\S]*?(<c:ser>[\s\S]*?<\/c:ser>)/),
    ];
    const marked = Object.fromEntries(
      [...barSer.matchAll(/<c:dPt><c:idx val="(\d+)"\/>[\s\S]*?<a:srgbClr val="([0-9A-F]+)"/g)].map((d) => [
        Number(d[1]),
        `#${d[2]}`,
      ]),
    );
    const f = (ser: string, tag: string) =>
      plainAddress(text(ser, new RegExp(`<c:${tag}>[\\s\\S]*?<c:f>([^<]*)</c:f>`)));
    return {
      name: text(anchor, /<xdr:cNvPr\b[^>]*name="([^"]*)"/),
      title: text(chart, /<c:title>[\s\S]*?<a:t>([^<]*)<\/a:t>/),
      bars: {
        name: text(barSer, /<c:tx><c:v>([^<]*)<\/c:v>/),
        values: f(barSer, "val"),
        categories: f(barSer, "cat"),
        fill: `#${text(barSer, /<c:spPr><a:solidFill><a:srgbClr val="([0-9A-F]+)"/)}`,
        marked,
      },
      line: {
        name: text(lineSer, /<c:tx><c:v>([^<]*)<\/c:v>/),
        values: f(lineSer, "val"),
        categories: f(lineSer, "cat"),
        colour: `#${text(lineSer, /<a:ln\b[^>]*><a:solidFill><a:srgbClr val="([0-9A-F]+)"/)}`,
        type: "Line",
      },
      axis: {
        min: Number(text(chart, /<c:valAx>[\s\S]*?<c:min val="([^"]+)"/)),
        max: Number(text(chart, /<c:valAx>[\s\S]*?<c:max val="([^"]+)"/)),
      },
      position: { top: from.row, left: from.col, bottom: to.row - 1, right: to.col - 1 },
    };
  });
}

/** The charts the fake recorded on a sheet. */
export function chartsOfFake(fake: FakeExcel, sheet: string): ChartPicture[] {
  const state = fake.state.sheets.find((s) => s.name === sheet);
  return (state?.charts ?? []).map((chart: ChartState) => {
    const [bars, line] = chart.series;
    return {
      name: chart.name,
      title: chart.title ?? "",
      bars: {
        name: bars.name,
        values: bars.values,
        categories: bars.xValues ?? "",
        fill: bars.fill ?? "",
        marked: bars.pointFills,
      },
      line: {
        name: line.name,
        values: line.values,
        categories: line.xValues ?? "",
        colour: line.lineColor ?? "",
        type: line.chartType,
      },
      axis: { min: chart.valueAxis.minimum ?? NaN, max: chart.valueAxis.maximum ?? NaN },
      position: chart.position ?? { top: -1, left: -1, bottom: -1, right: -1 },
    };
  });
}
