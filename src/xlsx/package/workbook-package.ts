/**
 * An .xlsx workbook handled as the package it is (ECMA-376 Open Packaging): only the parts the tool needs
 * are read, and writing changes only the parts it owns — the sheet it writes results into, its own
 * sheets, the package index, the workbook and its relationships, styles, shared strings, document
 * properties and calculation chain. Every other part is copied byte for byte, in the same zip order.
 * Runs in Node (CLI) and in the browser (web page) alike.
 */
import { columnLetter, parseRangeAddress, type CellRange, type SheetGrid } from "../../core/grid";
import { META_SHEET, readOwnership } from "../../core/ownership";
import type { SheetPlan, WritePlan } from "../../core/plan/types";
import { UnusableInputError } from "../../core/problems";
import { NOT_XLSX, NOT_ZIP, packageKind, plainKind, zipPartNames } from "../package-kind";
import { foldKey } from "../../core/text";
import { checkPlan, type PivotFacts, type TableFacts, type TableJoin } from "../../core/plan/preflight";
import {
  addOverride,
  addRelationships,
  CONTENT_TYPE,
  emptyRels,
  freshId,
  parseRels,
  parseSheets,
  relationshipXml,
  relativeTarget,
  relsPath,
  removeOverride,
  removeRelationships,
  REL,
  REL_TYPE,
  type Relationship,
  type SheetEntry,
} from "./parts";
import { CHART_CONTENT_TYPE, chartBytes, DRAWING_CONTENT_TYPE, drawingXml } from "./chart-part";
import { SharedStrings } from "./shared-strings";
import { readSheet, type SheetContext, type TextFeed } from "./sheet-read";
import { editSheet, EMPTY_WORKSHEET, type WriteContext } from "./sheet-write";
import { Styles } from "./styles";
import { joinTable, readTable, type TablePart } from "./tables";
import {
  attributes,
  escapeXml,
  fromBytes,
  mainPrefixOf,
  toBytes,
  withAttributes,
  withMainPrefix,
  withoutMainPrefix,
  type MainPrefix,
} from "./xml";
import {
  inflateEntry,
  joinPieces,
  readEntries,
  streamEntryText,
  writeZipPieces,
  ZipFormatError,
  type ZipEntry,
} from "./zip";
import { PORTABLE_CODEC, type ZipCodec } from "./codec";
import { CFB_SENTENCES, cfbKind } from "../cfb-kind";
import { workbookFormatOf, type WorkbookFormat } from "../workbook-format";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

const CONTENT_TYPES = "[Content_Types].xml";
/** Relationships to the parts of a chart (ECMA-376 and Microsoft's chart style and colour parts). */
const CHART_PART_TYPES = /\/(chart|chartUserShapes|chartStyle|chartColorStyle|themeOverride)$/;
const APP_PROPS = "docProps/app.xml";

/** A worksheet of the workbook (chart sheets and dialog sheets hold no cells and are left alone). */
interface WorksheetInfo {
  name: string;
  state: SheetEntry["state"];
  part: string;
  sheetId: string;
}

/** Whether an entry holds as many bytes as `written` (or three more: a byte order mark). */
const sameSize = (entry: ZipEntry, written: Uint8Array) =>
  entry.size === written.length || entry.size === written.length + 3;

/** Whether a part's bytes as the file holds them (perhaps after a byte order mark) are `written`. */
function sameText(original: Uint8Array, written: Uint8Array): boolean {
  const bom = original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf ? 3 : 0;
  if (original.length - bom !== written.length) return false;
  for (let i = 0; i < written.length; i++) if (original[i + bom] !== written[i]) return false;
  return true;
}

const corrupt = (fileName: string) =>
  new UnusableInputError(
    `Không đọc được tệp “${fileName}”: tệp bị hỏng hoặc không phải tệp .xlsx. Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi thử lại.`,
  );

export class WorkbookPackage {
  private readonly entries: ZipEntry[];
  private readonly byName: Map<string, ZipEntry>;
  private readonly changed = new Map<string, Uint8Array | null>();
  private readonly texts = new Map<string, string>();
  /** Worksheets and charts the tool wrote, as UTF-8 (a sheet of many rows is never one long string). */
  private readonly sheetBytes = new Map<string, Uint8Array>();
  /** Each of those parts' bytes for the file, or null when the part is as the file holds it. */
  private readonly sheetOutputs = new Map<string, Uint8Array | null>();
  /** Compressions begun as soon as a part was written, by a codec that compresses off the main thread. */
  private readonly compressing = new WeakMap<Uint8Array, Promise<Uint8Array>>();
  /** Parts that prefix SpreadsheetML's elements: read and edited without, written with the prefix. */
  private readonly prefixes = new Map<string, MainPrefix>();
  private workbookPart = "";
  private workbookRels: Relationship[] = [];
  private sheetEntries: SheetEntry[] = [];
  readonly worksheets: WorksheetInfo[] = [];
  private stringsCache?: SharedStrings;
  private stylesCache?: Styles;
  private date1904 = false;
  private readonly grids = new Map<
    string,
    { rows: number; grid: SheetGrid; protected: boolean; whole: boolean }
  >();

  /** The text of parts read whole, until the edit that needs them (the sheet the results go into). */
  private readonly wholeTexts = new Map<string, string>();

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly fileName: string,
    private readonly codec: ZipCodec,
  ) {
    this.entries = readEntries(bytes);
    this.byName = new Map(this.entries.map((e) => [e.name, e]));
    const rootRels = parseRels(this.text("_rels/.rels"), "");
    const main = rootRels.find((r) => r.type === REL_TYPE.officeDocument);
    if (!main || !this.byName.has(main.part)) throw new ZipFormatError("no workbook part");
    this.workbookPart = main.part;
    this.loadWorkbook();
  }

  /** Throws UnusableInputError (not .xlsx, corrupt, password-protected) with the sentence the user reads. */
  static open(bytes: Uint8Array, fileName: string, codec: ZipCodec = PORTABLE_CODEC): WorkbookPackage {
    if (startsWith(bytes, OLE_MAGIC))
      throw new UnusableInputError(`Tệp “${fileName}” ${CFB_SENTENCES[cfbKind(bytes)]}`);
    if (!startsWith(bytes, ZIP_MAGIC))
      throw new UnusableInputError(`Tệp “${fileName}” ${NOT_ZIP[plainKind(bytes)]}`);
    const names = zipPartNames(bytes);
    const kind = names && packageKind(names);
    if (kind && kind !== "xlsx") throw new UnusableInputError(`Tệp “${fileName}” ${NOT_XLSX[kind]}`);
    try {
      const pkg = new WorkbookPackage(bytes, fileName, codec);
      // The parts every run needs, read now so that a broken one is reported on opening.
      void pkg.strings;
      void pkg.styles;
      return pkg;
    } catch (error) {
      if (error instanceof UnusableInputError) throw error;
      throw corrupt(fileName);
    }
  }

  private loadWorkbook(): void {
    const xml = this.text(this.workbookPart) ?? "";
    this.date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(xml);
    this.workbookRels = parseRels(this.text(relsPath(this.workbookPart)), this.workbookPart);
    this.sheetEntries = parseSheets(xml);
    this.worksheets.length = 0;
    for (const sheet of this.sheetEntries) {
      const rel = this.workbookRels.find((r) => r.id === sheet.relId);
      if (!rel || rel.type !== REL_TYPE.worksheet || !this.byName.has(rel.part)) continue;
      this.worksheets.push({ name: sheet.name, state: sheet.state, part: rel.part, sheetId: sheet.sheetId });
    }
  }

  /** A part's text: the edited one if the tool changed it, else the file's; undefined when absent. */
  private text(part: string): string | undefined {
    const written = this.sheetBytes.get(part);
    if (written) return fromBytes(written);
    const edited = this.texts.get(part);
    if (edited !== undefined) return edited;
    if (this.changed.get(part) === null) return undefined;
    return this.text0(part);
  }

  private setText(part: string, xml: string): void {
    this.texts.set(part, xml);
  }

  /** Whether the tool has written that part. */
  private written(part: string): boolean {
    return this.texts.has(part) || this.sheetBytes.has(part);
  }

  private partOf(type: string): string | undefined {
    return this.workbookRels.find((r) => r.type === type && !r.external)?.part;
  }

  private get strings(): SharedStrings {
    if (!this.stringsCache) {
      const part = this.partOf(REL_TYPE.sharedStrings);
      this.stringsCache = new SharedStrings(part ? this.text(part) : undefined);
    }
    return this.stringsCache;
  }

  private get styles(): Styles {
    if (!this.stylesCache) {
      const part = this.partOf(REL_TYPE.styles);
      this.stylesCache = new Styles(part ? this.text(part) : undefined);
    }
    return this.stylesCache;
  }

  private get context(): SheetContext {
    return { strings: this.strings.texts, styles: this.styles, date1904: this.date1904 };
  }

  get structureProtected(): boolean {
    const tag = /<workbookProtection\b[^>]*>/.exec(this.text(this.workbookPart) ?? "")?.[0];
    const lock = tag ? attributes(tag).lockStructure : undefined;
    return lock === "1" || lock === "true";
  }

  /**
   * The sheet's grid, read from its part; with `maxRows`, only its first rows, and with `glance` as well,
   * without decompressing the part past them (the grid then lacks the merges, which follow the cells).
   */
  grid(name: string, maxRows = Infinity, glance = false): SheetGrid {
    const { grid } = this.read(name, maxRows, glance);
    const state = this.worksheets.find((s) => s.name === name)?.state;
    return state === "hidden" || state === "veryHidden" ? { ...grid, state } : grid;
  }

  private read(name: string, maxRows = Infinity, glance = false) {
    const known = this.grids.get(name);
    if (known && known.rows >= maxRows && (known.whole || glance)) return known;
    const sheet = this.worksheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no worksheet ${name}`);
    const entry = this.byName.get(sheet.part) as ZipEntry;
    let read;
    try {
      // A glance streams the part and stops early; a whole read decompresses it at once (faster) and
      // keeps its text for the edit that may follow.
      const feed: TextFeed = glance
        ? (onText) => streamEntryText(this.bytes, entry, onText)
        : (onText) => onText(this.wholeText(sheet.part));
      read = readSheet(feed, name, this.context, maxRows, glance);
    } catch {
      throw corrupt(this.fileName);
    }
    const kept = { rows: maxRows, ...read };
    this.grids.set(name, kept);
    return kept;
  }

  /** The worksheet of that name, exactly or else as the core folds names. */
  findSheet(name: string): WorksheetInfo | undefined {
    return (
      this.worksheets.find((s) => s.name === name) ??
      this.worksheets.find((s) => foldKey(s.name) === foldKey(name))
    );
  }

  // ------------------------------------------------------------------------------------------ writing

  /**
   * Applies the plan. Refuses with UnusableInputError, before anything is changed, what Excel would
   * refuse: a protected sheet, a table or PivotTable in the way, a sheet to add to a workbook whose
   * structure is protected, and a user's sheet that has one of the tool's sheet names.
   */
  apply(plan: WritePlan): void {
    const join = this.preflight(plan);
    const styleIds = new Map<string, number>();
    const removed = new Map<string, string[]>();
    const ctx = (noMergesIn?: CellRange): WriteContext => ({
      cellStyle: (name) => {
        let id = styleIds.get(name);
        if (id === undefined) {
          id = this.styles.cellStyle(plan.styles[name] ?? {});
          styleIds.set(name, id);
        }
        return id;
      },
      sharedString: (text) => this.strings.indexOf(text),
      highlightFormat: (style) => this.styles.highlightFormat(plan.styles[style]?.fill ?? "FFFF00"),
      noMergesIn,
    });
    for (const sheetPlan of plan.sheets) {
      if (sheetPlan.mode === "update") {
        const sheet = this.worksheets.find((s) => s.name === sheetPlan.name) as WorksheetInfo;
        const joined = join && join.sheet === sheet.name ? join : undefined;
        const edit = editSheet(this.text(sheet.part) ?? "", sheetPlan, ctx(joined?.after));
        this.setPartBytes(sheet.part, edit.bytes);
        removed.set(sheet.sheetId, edit.removedFormulas);
        if (joined) this.joinTable(sheet, joined);
        if (sheetPlan.printArea) this.setPrintArea(sheet, sheetPlan);
      } else {
        const before = this.findSheet(sheetPlan.name);
        const old = before ? this.drawingPartsOf(before) : undefined;
        const sheet = this.createSheet(sheetPlan);
        const drawingRelId = this.writeCharts(sheet, sheetPlan, old);
        const edit = editSheet(EMPTY_WORKSHEET, sheetPlan, { ...ctx(), drawingRelId });
        this.texts.delete(sheet.part);
        this.setPartBytes(sheet.part, edit.bytes);
        removed.set(sheet.sheetId, ["*"]);
        this.setPrintArea(sheet, sheetPlan);
      }
      this.grids.delete(sheetPlan.name);
    }
    this.editCalcChain(removed);
    this.loadWorkbook();
    // The texts kept for the edits are done with.
    this.wholeTexts.clear();
  }

  private preflight(plan: WritePlan): TableJoin | undefined {
    const refused: string[] = [];
    for (const sheetPlan of plan.sheets) {
      const sheet =
        sheetPlan.mode === "update"
          ? this.worksheets.find((s) => s.name === sheetPlan.name)
          : this.findSheet(sheetPlan.name);
      if (!sheet) {
        if (sheetPlan.mode === "update")
          throw new Error(`Không có trang “${sheetPlan.name}” để ghi kết quả.`);
        continue;
      }
      if (this.read(sheet.name).protected) refused.push(sheet.name);
      if (
        sheetPlan.mode === "create" &&
        sheetPlan.name === META_SHEET &&
        !readOwnership(this.grid(sheet.name))
      ) {
        throw new UnusableInputError(
          `Tệp đã có trang “${sheet.name}” mà công cụ không ghi ra, trùng tên với trang “${META_SHEET}” công cụ dùng để ghi nhớ phần đã viết: hãy đổi tên trang đó rồi chạy lại. Chưa có gì được ghi.`,
        );
      }
    }
    if (refused.length > 0) {
      throw new UnusableInputError(
        `Trang ${refused.map((n) => `“${n}”`).join(", ")} đang được bảo vệ (Protect Sheet) nên không ghi được kết quả: hãy bỏ bảo vệ trang (Review › Unprotect Sheet) rồi chạy lại. Chưa có gì được ghi.`,
      );
    }
    const updated = plan.sheets.filter((s) => s.mode === "update").map((s) => s.name);
    const tables: TableFacts[] = [];
    const pivotTables: PivotFacts[] = [];
    for (const name of updated) {
      const sheet = this.worksheets.find((s) => s.name === name) as WorksheetInfo;
      for (const table of this.tablesOf(sheet)) tables.push({ ...table.facts, sheet: name });
      for (const pivot of this.pivotsOf(sheet)) pivotTables.push({ ...pivot, sheet: name });
    }
    // A sheet the tool replaces is no new sheet: only adding one needs the structure unprotected.
    const adding = plan.sheets.some((s) => s.mode === "create" && !this.findSheet(s.name));
    const { problems, join } = checkPlan(plan, {
      sheets: this.worksheets.map((s) => ({
        name: s.name,
        visible: s.state === "visible",
        protected: false,
      })),
      structureProtected: adding && this.structureProtected,
      tables,
      pivotTables,
    });
    if (problems.length > 0) throw new UnusableInputError(`${problems.join(" ")} Chưa có gì được ghi.`);
    return join;
  }

  private sheetRels(sheet: WorksheetInfo): Relationship[] {
    return parseRels(this.text(relsPath(sheet.part)), sheet.part);
  }

  private tablesOf(sheet: WorksheetInfo): TablePart[] {
    return this.sheetRels(sheet)
      .filter((r) => r.type === REL_TYPE.table && this.byName.has(r.part))
      .map((r) => readTable(r.part, this.text(r.part) ?? ""))
      .filter((t): t is TablePart => t !== undefined);
  }

  private pivotsOf(sheet: WorksheetInfo): Omit<PivotFacts, "sheet">[] {
    return this.sheetRels(sheet)
      .filter((r) => r.type === REL_TYPE.pivotTable && this.byName.has(r.part))
      .flatMap((r) => {
        const xml = this.text(r.part) ?? "";
        const name = attributes(/<pivotTableDefinition\b[^>]*>/.exec(xml)?.[0] ?? "").name ?? "";
        const ref = attributes(/<location\b[^>]*>/.exec(xml)?.[0] ?? "").ref ?? "";
        const range = parseRangeAddress(ref);
        return range ? [{ name, range }] : [];
      });
  }

  private joinTable(sheet: WorksheetInfo, join: TableJoin): void {
    const table = this.tablesOf(sheet).find((t) => t.facts.name === join.table);
    if (!table) return;
    this.setText(table.part, joinTable(this.text(table.part) ?? "", join));
  }

  /** The part of the tool's sheet: the one it replaces, in place, or a new one at the end. */
  private createSheet(plan: SheetPlan): WorksheetInfo {
    let workbook = this.text(this.workbookPart) ?? "";
    const existing = this.findSheet(plan.name);
    const state = plan.hidden ? "hidden" : undefined;
    if (existing) {
      const entry = this.sheetEntries.find((s) => s.name === existing.name) as SheetEntry;
      const tag = withAttributes(entry.tag, { name: plan.name, state });
      this.setText(this.workbookPart, workbook.replace(entry.tag, tag));
      // The old sheet's own relationships (it has none when the tool wrote it) go with it.
      const rels = relsPath(existing.part);
      if (this.byName.has(rels)) this.changed.set(rels, null);
      return { ...existing, name: plan.name };
    }
    let n = 1;
    while (this.byName.has(`xl/worksheets/sheet${n}.xml`) || this.written(`xl/worksheets/sheet${n}.xml`)) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    const relsPart = relsPath(this.workbookPart);
    const id = freshId(this.workbookRels.map((r) => r.id));
    const rels = this.text(relsPart) ?? emptyRels();
    this.setText(
      relsPart,
      addRelationships(rels, [
        relationshipXml(id, REL_TYPE.worksheet, relativeTarget(this.workbookPart, part)),
      ]),
    );
    this.workbookRels.push({ id, type: REL_TYPE.worksheet, target: part, external: false, part });
    const sheetId = String(Math.max(0, ...this.sheetEntries.map((s) => Number(s.sheetId) || 0)) + 1);
    // The relationships prefix of the root element, if it declares one (openpyxl declares it per sheet).
    const rootTag = /<workbook\b[^>]*>/.exec(workbook)?.[0] ?? "";
    const prefix = new RegExp(`\\sxmlns:([\\w.-]+)="${REL.replace(/[./]/g, "\\$&")}"`).exec(rootTag)?.[1];
    const relAttr = prefix ? `${prefix}:id="${id}"` : `xmlns:r="${REL}" r:id="${id}"`;
    const tag = `<sheet name="${escapeXml(plan.name)}" sheetId="${sheetId}"${state ? ` state="${state}"` : ""} ${relAttr}/>`;
    workbook = workbook.replace(/<\/sheets>/, `${tag}</sheets>`);
    this.setText(this.workbookPart, workbook);
    this.setText(CONTENT_TYPES, addOverride(this.text(CONTENT_TYPES) ?? "", part, CONTENT_TYPE.worksheet));
    this.addAppTitle(plan.name);
    const info = { name: plan.name, state: state ?? "visible", part, sheetId } as WorksheetInfo;
    this.sheetEntries.push({ name: plan.name, sheetId, relId: id, state: info.state, tag });
    this.worksheets.push(info);
    return info;
  }

  /**
   * The drawing of a sheet the tool replaces and the chart parts under it (charts, their styles, colours,
   * shapes): they go with the sheet, except those the new charts take again under the same names, so
   * that a second run writes the same bytes. Images are left: Excel may share one with another sheet.
   */
  private drawingPartsOf(sheet: WorksheetInfo): { drawing?: string; charts: string[]; all: string[] } {
    const drawing = this.sheetRels(sheet).find((r) => r.type === REL_TYPE.drawing && !r.external)?.part;
    if (!drawing || !this.byName.has(drawing)) return { charts: [], all: [] };
    const all = [drawing];
    const charts: string[] = [];
    const walk = (part: string, depth: number) => {
      const rels = relsPath(part);
      if (!this.byName.has(rels)) return;
      all.push(rels);
      for (const rel of parseRels(this.text(rels), part)) {
        if (rel.external || !this.byName.has(rel.part) || all.includes(rel.part)) continue;
        if (!CHART_PART_TYPES.test(rel.type)) continue;
        all.push(rel.part);
        if (rel.type === REL_TYPE.chart && depth === 0) charts.push(rel.part);
        if (depth < 2) walk(rel.part, depth + 1);
      }
    };
    walk(drawing, 0);
    return { drawing, charts, all };
  }

  /** The first part name `prefix`N`suffix` that the package does not hold and `taken` does not list. */
  private freshPart(prefix: string, taken: string[]): string {
    for (let n = 1; ; n++) {
      const part = `${prefix}${n}.xml`;
      if (!this.byName.has(part) && !this.written(part) && !taken.includes(part)) return part;
    }
  }

  private writePart(part: string, xml: string, contentType?: string): void {
    this.changed.delete(part);
    this.setText(part, xml);
    if (contentType)
      this.setText(CONTENT_TYPES, addOverride(this.text(CONTENT_TYPES) ?? "", part, contentType));
  }

  private dropPart(part: string): void {
    this.changed.set(part, null);
    this.texts.delete(part);
    this.sheetBytes.delete(part);
    this.sheetOutputs.delete(part);
    this.setText(CONTENT_TYPES, removeOverride(this.text(CONTENT_TYPES) ?? "", part));
  }

  /**
   * A part the tool wrote as bytes (a worksheet, a chart). Whether the file gets it is decided now, and
   * its compression begins now when the codec can compress off the main thread: the next part is
   * written meanwhile.
   */
  private setPartBytes(part: string, bytes: Uint8Array): void {
    this.sheetBytes.set(part, bytes);
    const entry = this.byName.get(part);
    const main = this.prefixes.get(part);
    const written = main ? toBytes(withMainPrefix(fromBytes(bytes), main)) : bytes;
    // A sheet the edit left as it was keeps its compressed bytes too (its size tells most changes).
    const same =
      entry !== undefined &&
      sameSize(entry, written) &&
      sameText(inflateEntry(this.bytes, entry, this.codec), written);
    this.sheetOutputs.set(part, same ? null : written);
    if (!same && this.codec.deflateLater) this.compressing.set(written, this.codec.deflateLater(written));
  }

  /**
   * The charts of a sheet the tool creates: a drawing part anchoring them, a chart part each, and the
   * sheet's relationship to the drawing (its id returned for the sheet's <drawing r:id>).
   */
  private writeCharts(
    sheet: WorksheetInfo,
    plan: SheetPlan,
    old: { drawing?: string; charts: string[]; all: string[] } | undefined,
  ): string | undefined {
    const charts = plan.charts ?? [];
    const drawing =
      charts.length > 0 ? (old?.drawing ?? this.freshPart("xl/drawings/drawing", [])) : undefined;
    const chartParts: string[] = [];
    for (let i = 0; i < charts.length; i++) {
      chartParts.push(old?.charts[i] ?? this.freshPart("xl/charts/chart", chartParts));
    }
    const kept = new Set([...(drawing ? [drawing, relsPath(drawing)] : []), ...chartParts]);
    for (const part of old?.all ?? []) if (!kept.has(part)) this.dropPart(part);
    if (!drawing) return undefined;
    const relId = "rId1";
    this.writePart(
      relsPath(sheet.part),
      addRelationships(emptyRels(), [
        relationshipXml(relId, REL_TYPE.drawing, relativeTarget(sheet.part, drawing)),
      ]),
    );
    const chartIds = chartParts.map((_, i) => `rId${i + 1}`);
    this.writePart(drawing, drawingXml(charts, chartIds), DRAWING_CONTENT_TYPE);
    this.writePart(
      relsPath(drawing),
      addRelationships(
        emptyRels(),
        chartParts.map((part, i) =>
          relationshipXml(chartIds[i], REL_TYPE.chart, relativeTarget(drawing, part)),
        ),
      ),
    );
    chartParts.forEach((part, i) => {
      // A chart of thousands of units is bytes from the start, compressed while the sheet is written.
      this.changed.delete(part);
      this.texts.delete(part);
      this.setPartBytes(part, chartBytes(plan.name, plan, charts[i]));
      this.setText(CONTENT_TYPES, addOverride(this.text(CONTENT_TYPES) ?? "", part, CHART_CONTENT_TYPE));
    });
    return relId;
  }

  /** docProps/app.xml lists the worksheets' names after their count; a new sheet joins the list. */
  private addAppTitle(name: string): void {
    const xml = this.text(APP_PROPS);
    if (!xml) return;
    const pairs = /<HeadingPairs>[\s\S]*?<\/HeadingPairs>/.exec(xml)?.[0];
    const titles = /<TitlesOfParts>\s*<vt:vector\b[^>]*>([\s\S]*?)<\/vt:vector>\s*<\/TitlesOfParts>/.exec(
      xml,
    );
    const first =
      pairs &&
      /<vt:lpstr>[^<]*<\/vt:lpstr>\s*<\/vt:variant>\s*<vt:variant>\s*<vt:i4>(\d+)<\/vt:i4>/.exec(pairs);
    if (!pairs || !titles || !first) return;
    const count = Number(first[1]);
    const names = [...titles[1].matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)];
    // Only when the first heading counts the worksheets, as Excel and LibreOffice write it.
    const worksheets = this.worksheets.length;
    if (count !== worksheets || names.length < count) return;
    const insertAt = count === 0 ? 0 : (names[count - 1].index ?? 0) + names[count - 1][0].length;
    const vector =
      titles[1].slice(0, insertAt) + `<vt:lpstr>${escapeXml(name)}</vt:lpstr>` + titles[1].slice(insertAt);
    const titlesOpen = titles[0].slice(0, titles[0].indexOf(titles[1]));
    const newTitles = `${titlesOpen.replace(/size="(\d+)"/, (_, n: string) => `size="${Number(n) + 1}"`)}${vector}</vt:vector></TitlesOfParts>`;
    const newPairs = pairs.replace(
      first[0],
      first[0].replace(`<vt:i4>${count}</vt:i4>`, `<vt:i4>${count + 1}</vt:i4>`),
    );
    this.setText(APP_PROPS, xml.replace(pairs, newPairs).replace(titles[0], newTitles));
  }

  /** The print area of a sheet, as the defined name _xlnm.Print_Area. */
  private setPrintArea(sheet: WorksheetInfo, plan: SheetPlan): void {
    // A sheet of the tool's has a page setup; the user's sheet gets its print area alone.
    const area = plan.pageSetup?.printArea ?? plan.printArea;
    if (!area) return;
    const index = parseSheets(this.text(this.workbookPart) ?? "").findIndex((s) => s.name === sheet.name);
    const quoted = `'${sheet.name.replace(/'/g, "''")}'`;
    const ref = `${quoted}!$${columnLetter(area.left)}$${area.top + 1}:$${columnLetter(area.right)}$${area.bottom + 1}`;
    const defined = `<definedName name="_xlnm.Print_Area" localSheetId="${index}">${escapeXml(ref)}</definedName>`;
    let xml = this.text(this.workbookPart) ?? "";
    const names = /<definedNames\b[^>]*>([\s\S]*?)<\/definedNames>/.exec(xml);
    if (names) {
      // Replaced where it stands, so that a second run writes the same bytes.
      let replaced = false;
      const kept = names[1].replace(/<definedName\b[^>]*>[\s\S]*?<\/definedName>/g, (tag) => {
        const a = attributes(tag.slice(0, tag.indexOf(">") + 1));
        if (a.name !== "_xlnm.Print_Area" || a.localSheetId !== String(index)) return tag;
        replaced = true;
        return defined;
      });
      xml = xml.replace(names[0], names[0].replace(names[1], replaced ? kept : `${kept}${defined}`));
    } else {
      const after = /<\/externalReferences>|<\/functionGroups>|<\/sheets>/.exec(xml);
      const at = after ? (after.index ?? 0) + after[0].length : xml.lastIndexOf("</workbook>");
      xml = `${xml.slice(0, at)}<definedNames>${defined}</definedNames>${xml.slice(at)}`;
    }
    this.setText(this.workbookPart, xml);
  }

  /**
   * The calculation chain lists the formula cells; an entry for a cell the tool emptied or replaced
   * would make Excel repair the file, so those entries go, and the part with them when none is left
   * (Excel builds it again).
   */
  private editCalcChain(removed: Map<string, string[]>): void {
    const part = this.partOf(REL_TYPE.calcChain);
    const xml = part ? this.text(part) : undefined;
    if (!part || !xml) return;
    let sheet = "";
    let changed = false;
    const kept = xml.replace(/<c\b[^>]*>/g, (tag) => {
      const a = attributes(tag);
      if (a.i) sheet = a.i;
      const gone = removed.get(sheet);
      if (gone && (gone.includes("*") || gone.includes(a.r))) {
        changed = true;
        return "";
      }
      // An entry's sheet defaults to the previous entry's, which may be gone: say it.
      return a.i ? tag : withAttributes(tag, { i: sheet });
    });
    if (!changed) return;
    if (/<c\b/.test(kept)) {
      this.setText(part, kept);
      return;
    }
    this.changed.set(part, null);
    this.texts.delete(part);
    const relsPart = relsPath(this.workbookPart);
    const rel = this.workbookRels.find((r) => r.part === part);
    if (rel) this.setText(relsPart, removeRelationships(this.text(relsPart) ?? "", new Set([rel.id])));
    this.workbookRels = this.workbookRels.filter((r) => r !== rel);
    this.setText(CONTENT_TYPES, removeOverride(this.text(CONTENT_TYPES) ?? "", part));
  }

  /** The package with the tool's changes: changed parts recompressed, every other entry copied raw. */
  /**
   * Whether the workbook has a password to modify (<fileSharing> with reservationPassword or a hash,
   * ECMA-376 Part 1, 18.2.12): Excel then opens it, and the tool's output, read-only without the password.
   */
  get modifyPassword(): boolean {
    const tag = /<(?:\w+:)?fileSharing\b[^>]*>/.exec(this.text(this.workbookPart) ?? "")?.[0];
    return tag !== undefined && /\b(reservationPassword|hashValue)="[^"]+"/.test(tag);
  }

  /** .xlsx or .xlsm, by the workbook part's content type: what the output file must be named. */
  get format(): WorkbookFormat {
    return workbookFormatOf(this.text(CONTENT_TYPES) ?? "", this.workbookPart);
  }

  save(): Uint8Array {
    return joinPieces(this.savePieces());
  }

  /** As save(), in pieces to write one after the other: the unchanged entries are views of the input. */
  savePieces(): Uint8Array[] {
    const { changed, added } = this.partsToWrite();
    return writeZipPieces(this.bytes, this.entries, changed, added, this.codec);
  }

  /**
   * As savePieces(), with every part compressed off the main thread when the codec can (the CLI's, on
   * Node's thread pool): the same bytes, sooner on a machine of two cores or more.
   */
  async savePiecesLater(): Promise<Uint8Array[]> {
    const { changed, added } = this.partsToWrite();
    const later = this.codec.deflateLater?.bind(this.codec);
    const deflated = new Map<Uint8Array, Uint8Array>();
    if (later) {
      const contents = [...changed.values(), ...added.map(([, content]) => content)].filter(
        (content): content is Uint8Array => content !== null,
      );
      const done = await Promise.all(contents.map((c) => this.compressing.get(c) ?? later(c)));
      contents.forEach((content, i) => deflated.set(content, done[i]));
    }
    return writeZipPieces(this.bytes, this.entries, changed, added, this.codec, deflated);
  }

  /** The parts the tool changed (null: left out) and the parts it added, in a fixed order. */
  private partsToWrite(): { changed: Map<string, Uint8Array | null>; added: [string, Uint8Array][] } {
    const changed = new Map(this.changed);
    const added: [string, Uint8Array][] = [];
    const put = (part: string, xml: string) => {
      const bytes = this.partBytes(part, xml);
      if (!bytes) return;
      if (this.byName.has(part)) changed.set(part, bytes);
      else added.push([part, bytes]);
    };
    for (const [part, xml] of this.texts) put(part, xml);
    for (const [part, written] of this.sheetOutputs) {
      if (!written) continue;
      if (this.byName.has(part)) changed.set(part, written);
      else added.push([part, written]);
    }
    const styles = this.styles.toXml();
    const stylesPart = this.partOf(REL_TYPE.styles);
    if (styles && stylesPart) put(stylesPart, styles);
    const strings = this.strings.toXml();
    if (strings) {
      let part = this.partOf(REL_TYPE.sharedStrings);
      if (!part) {
        part = "xl/sharedStrings.xml";
        const relsPart = relsPath(this.workbookPart);
        const id = freshId(this.workbookRels.map((r) => r.id));
        const rels = addRelationships(this.text(relsPart) ?? emptyRels(), [
          relationshipXml(id, REL_TYPE.sharedStrings, relativeTarget(this.workbookPart, part)),
        ]);
        put(relsPart, rels);
        put(CONTENT_TYPES, addOverride(this.text(CONTENT_TYPES) ?? "", part, CONTENT_TYPE.sharedStrings));
      }
      put(part, strings);
    }
    // Added parts in a fixed order, so that the same input gives the same bytes.
    added.sort((a, b) => a[0].localeCompare(b[0]));
    return { changed, added };
  }

  /** A part's bytes for the file, from the text the tool wrote; undefined when the file holds that text. */
  private partBytes(part: string, xml: string): Uint8Array | undefined {
    if (this.byName.has(part) && this.text0(part) === xml) return undefined;
    const main = this.prefixes.get(part);
    return toBytes(main ? withMainPrefix(xml, main) : xml);
  }

  /** A worksheet's text as the file holds it, kept until an edit takes it (see text). */
  private wholeText(part: string): string {
    let xml = this.wholeTexts.get(part);
    if (xml === undefined) this.wholeTexts.set(part, (xml = this.text0(part) ?? ""));
    return xml;
  }

  /** A part's text as the file holds it, its SpreadsheetML elements unprefixed. */
  private text0(part: string): string | undefined {
    const kept = this.wholeTexts.get(part);
    if (kept !== undefined) return kept;
    const entry = this.byName.get(part);
    if (!entry) return undefined;
    const xml = fromBytes(inflateEntry(this.bytes, entry, this.codec));
    const main = mainPrefixOf(xml);
    if (!main) return xml;
    this.prefixes.set(part, main);
    return withoutMainPrefix(xml, main);
  }
}
