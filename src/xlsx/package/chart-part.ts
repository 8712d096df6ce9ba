/**
 * A plan's chart as package parts: a DrawingML chart (c:chartSpace: clustered columns, a line series,
 * a multi-level category axis) and the drawing that anchors it to cells (xdr:wsDr). The caches hold the
 * values the plan writes, so a reader that does not recalculate (a viewer, a converter) draws the same.
 * Elements follow the schema's order (ECMA-376 Part 1, 21.2.2: CT_ChartSpace, CT_BarSer, CT_LineSer…).
 */
import { columnLetter, type CellRange } from "../../core/grid";
import {
  isFormulaCell,
  type Block,
  type ChartPlan,
  type Scalar,
  type SheetPlan,
} from "../../core/plan/types";
import { ByteWriter } from "./byte-writer";
import { escapeXml } from "./xml";

const HEADER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

export const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";

const CATEGORY_AXIS = 500100;
const VALUE_AXIS = 500200;

/** The value the plan writes at a cell of its sheet (the last block that writes it). */
function planCells(plan: SheetPlan): (row: number, col: number) => Scalar {
  const byRow = new Map<number, Block[]>();
  for (const block of plan.blocks) {
    for (let r = 0; r < block.values.length; r++) {
      const row = block.top + r;
      const blocks = byRow.get(row);
      if (blocks) blocks.push(block);
      else byRow.set(row, [block]);
    }
  }
  return (row, col) => {
    let value: Scalar | undefined;
    for (const block of byRow.get(row) ?? []) {
      const c = col - block.left;
      const line = block.values[row - block.top];
      if (c >= 0 && c in line) value = line[c];
    }
    value ??= null;
    return isFormulaCell(value) ? value.result : value;
  };
}

function reference(sheet: string, range: CellRange): string {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  return `${quoted}!$${columnLetter(range.left)}$${range.top + 1}:$${columnLetter(range.right)}$${range.bottom + 1}`;
}

/** `<c:pt idx="…"><c:v>…</c:v></c:pt>`, written into `out`. */
function writePoint(out: ByteWriter, idx: number, value: string | number): void {
  out.text('<c:pt idx="');
  out.number(idx);
  out.text('"><c:v>');
  if (typeof value === "number") out.number(value);
  else out.text(escapeXml(value));
  out.text("</c:v></c:pt>");
}

/**
 * Labels in levels, innermost first as the schema stores them; an outer label only where it changes,
 * and none for a blank outer cell (the label above it goes on), as Excel caches them.
 */
function writeCategories(
  out: ByteWriter,
  sheet: string,
  range: CellRange,
  cell: (r: number, c: number) => Scalar,
): void {
  const count = range.bottom - range.top + 1;
  out.text(
    `<c:cat><c:multiLvlStrRef><c:f>${escapeXml(reference(sheet, range))}</c:f><c:multiLvlStrCache><c:ptCount val="${count}"/>`,
  );
  for (let col = range.right; col >= range.left; col--) {
    const outer = col < range.right;
    let previous: string | undefined;
    out.text("<c:lvl>");
    for (let i = 0; i < count; i++) {
      const text = String(cell(range.top + i, col) ?? "");
      if (!outer) writePoint(out, i, text);
      else if (text !== "" && text !== previous) {
        writePoint(out, i, text);
        previous = text;
      }
    }
    out.text("</c:lvl>");
  }
  out.text("</c:multiLvlStrCache></c:multiLvlStrRef></c:cat>");
}

function writeValues(
  out: ByteWriter,
  sheet: string,
  range: CellRange,
  cell: (r: number, c: number) => Scalar,
): void {
  const count = range.bottom - range.top + 1;
  out.text(
    `<c:val><c:numRef><c:f>${escapeXml(reference(sheet, range))}</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${count}"/>`,
  );
  for (let i = 0; i < count; i++) {
    const value = cell(range.top + i, range.left);
    if (typeof value === "number") writePoint(out, i, value);
  }
  out.text("</c:numCache></c:numRef></c:val>");
}

const solid = (rgb: string) => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;
const richText = (text: string, size: number, bold: boolean) =>
  `<c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr><a:r><a:rPr lang="vi-VN" sz="${size}" b="${bold ? 1 : 0}"/><a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich>`;

/**
 * The chart part (xl/charts/chartN.xml) of a plan's chart on the sheet `sheet`, as UTF-8: a chart of
 * thousands of units has as many points per series, written straight into bytes, the categories once
 * for both series.
 */
export function chartBytes(sheet: string, plan: SheetPlan, chart: ChartPlan): Uint8Array {
  const cell = planCells(plan);
  const categories = new ByteWriter(1 << 12);
  writeCategories(categories, sheet, chart.categories, cell);
  const categoryBytes = categories.bytes();
  const out = new ByteWriter(3 * categoryBytes.length + (1 << 12));
  const marked = chart.bars.marked
    .map(
      (i) =>
        `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${solid(chart.bars.markedFill)}</c:spPr></c:dPt>`,
    )
    .join("");
  out.text(
    HEADER +
      `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}"><c:roundedCorners val="0"/>` +
      `<c:chart><c:title><c:tx>${richText(chart.title, 1200, true)}</c:tx><c:overlay val="0"/></c:title>` +
      `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>`,
  );
  out.text(
    `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
      `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeXml(chart.bars.name)}</c:v></c:tx>` +
      `<c:spPr>${solid(chart.bars.fill)}</c:spPr><c:invertIfNegative val="0"/>${marked}`,
  );
  out.append(categoryBytes);
  writeValues(out, sheet, chart.bars.values, cell);
  out.text(
    `</c:ser>` +
      `<c:gapWidth val="60"/><c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/></c:barChart>`,
  );
  out.text(
    `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>` +
      `<c:ser><c:idx val="1"/><c:order val="1"/><c:tx><c:v>${escapeXml(chart.line.name)}</c:v></c:tx>` +
      `<c:spPr><a:ln w="28575" cap="rnd">${solid(chart.line.color)}<a:round/></a:ln></c:spPr>` +
      `<c:marker><c:symbol val="none"/></c:marker>`,
  );
  out.append(categoryBytes);
  writeValues(out, sheet, chart.line.values, cell);
  out.text(
    `<c:smooth val="0"/></c:ser><c:marker val="1"/>` +
      `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/></c:lineChart>`,
  );
  out.text(
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
      `<c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/>` +
      `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>` +
      `<c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
      `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
      `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/>` +
      `<c:max val="${chart.valueAxis.max}"/><c:min val="${chart.valueAxis.min}"/></c:scaling>` +
      `<c:delete val="0"/><c:axPos val="l"/><c:majorGridlines/><c:numFmt formatCode="General" sourceLinked="0"/>` +
      `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
      `<c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`,
  );
  out.text(
    `</c:plotArea>` +
      `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>` +
      `<c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`,
  );
  return out.bytes();
}

/** The drawing part (xl/drawings/drawingN.xml): each chart anchored to its cells, `relIds` in order. */
export function drawingXml(charts: ChartPlan[], relIds: string[]): string {
  const anchors = charts.map((chart, i) => {
    const { top, left, bottom, right } = chart.anchor;
    const marker = (tag: string, col: number, row: number) =>
      `<xdr:${tag}><xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return (
      `<xdr:twoCellAnchor editAs="oneCell">${marker("from", left, top)}${marker("to", right + 1, bottom + 1)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${escapeXml(chart.name)}" descr="${escapeXml(chart.title)}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS_C}"><c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${relIds[i]}"/>` +
      `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
    );
  });
  return `${HEADER}<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${anchors.join("")}</xdr:wsDr>`;
}
