/**
 * A recording stand-in for Excel's JavaScript API. Excel itself cannot run here (no Office host on
 * Linux, no network); this fake is the closest faithful stand-in for what the adapter uses, and only that:
 *
 * - Proxies queue their operations; nothing reaches the in-memory workbook before `context.sync()`,
 *   which runs the batch in order, as Excel does (an operation that fails leaves the earlier ones applied).
 * - Reading a property that was not load()-ed, or reading it before the sync, throws PropertyNotLoaded;
 *   load()-ed values are the workbook's at the moment the batch reaches the load.
 * - Every sync is recorded with the request bytes (UTF-8 JSON of the data queued since the previous sync)
 *   and the response bytes (UTF-8 JSON of what the loads returned).
 * - Strings written to `values` are parsed as Excel parses typing, with the pessimistic choice where
 *   Excel's documentation is silent: "=…", "+…", "-…" (not a number) and "@…" become formulas whatever
 *   the cell's format; a leading apostrophe is dropped and marks the text; in a cell not formatted "@",
 *   text that looks like a number or boolean is converted; a number written into an "@" cell becomes text.
 * - A request or a response above 5 MB fails, as on Excel on the web.
 * - Merging gives the whole area the top-left cell's format and drops the other values; merging inside an
 *   Excel table, or writing to a protected sheet, fails as in Excel.
 * - `formulas` takes a formula where a string starts with "=", otherwise a value parsed as through
 *   `values`; null leaves a cell as it is. A sync that wrote something ends with `recalculate` (unless it
 *   suspended calculation; application.calculate forces it), where a test plugs in Excel's calculation (fixtures.ts: the add-in's own functions); without it a formula
 *   shows #NAME?, as an unknown function does.
 */
import { columnIndex, columnLetter, type CellRange } from "../../src/core/grid";

export const MAX_ROW = 1048575;
/** Excel on the web refuses a request or a response above 5 MB. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const MAX_COL = 16383;
/** A range read is limited to this many cells ("Resource limits and performance optimization"). */
export const MAX_READ_CELLS = 5_000_000;
/** Range.getMergedAreasOrNullObject fails above this many merged areas (Excel.Range reference). */
export const MAX_MERGED_AREAS = 512;

// ---------------------------------------------------------------- workbook state

export interface Borders {
  top?: string;
  bottom?: string;
  left?: string;
  right?: string;
}

export interface CellFormat {
  fontName?: string;
  fontSize?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  fill?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  borders?: Borders;
}

export interface Cell {
  /** "" when the cell holds no value. */
  value: string | number | boolean;
  error?: boolean;
  formula?: string;
  quotePrefix?: boolean;
  numberFormat: string;
  format: CellFormat;
}

/**
 * A conditional format. The sheet's array is in priority order (first = top priority). `id` is the fake's
 * own key; Office.js's id is the rule's position in the collection it was read from (see below).
 */
export interface ConditionalFormatState {
  id: string;
  type: string;
  range: CellRange;
  formula: string;
  fill?: string;
  /**
   * A rule made in Excel's UI whose properties Office.js fails to read (OfficeDev/office-js#6827, #6835):
   * loading its rule or its ranges throws GeneralException and fails the whole batch.
   */
  unreadable?: boolean;
}

export interface PageLayoutState {
  paperSize?: string;
  orientation?: string;
  topMargin?: number;
  bottomMargin?: number;
  leftMargin?: number;
  rightMargin?: number;
  headerMargin?: number;
  footerMargin?: number;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printArea?: string;
  /** 0-based rows with a page break above them. */
  breaksBefore: number[];
}

export interface SheetState {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  cells: Map<number, Map<number, Cell>>;
  merges: CellRange[];
  /** Points. */
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  /** Rows hidden by hand or by a filter: Excel tells them apart from visible ones only through ranges. */
  hiddenRows: Set<number>;
  conditionalFormats: ConditionalFormatState[];
  pageLayout: PageLayoutState;
  charts: ChartState[];
}

/** A chart series as the fake records it: addresses qualified with the sheet ("'Tổng hợp'!O36:O63"). */
export interface ChartSeriesState {
  name: string;
  chartType: string;
  values: string;
  xValues?: string;
  /** Points of the series (the rows of its values). */
  points: number;
  fill?: string;
  lineColor?: string;
  markerStyle?: string;
  gapWidth?: number;
  /** Fill of single points, by index. */
  pointFills: Record<number, string>;
}

export interface ChartState {
  name: string;
  type: string;
  title?: string;
  legendPosition?: string;
  series: ChartSeriesState[];
  valueAxis: { minimum?: number; maximum?: number };
  /** The cells the chart covers (setPosition). */
  position?: CellRange;
}

export interface TableState {
  id: string;
  name: string;
  sheet: string;
  range: CellRange;
  showHeaders: boolean;
}

export interface PivotState {
  name: string;
  sheet: string;
  range: CellRange;
}

export interface WorkbookState {
  /** The sheet on screen, once the add-in has activated one. */
  activeSheet?: string;
  /** "Sheet!A1:B2", once the add-in has selected a range. */
  selection?: string;
  sheets: SheetState[];
  structureProtected: boolean;
  tables: TableState[];
  pivots: PivotState[];
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
  /** Whether suspendApiCalculationUntilNextSync was queued in this batch. */
  calculationSuspended: boolean;
  /** Names of the operations, for assertions on order. */
  log: string[];
}

/** An error as Office.js raises it: a code and a message. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "OfficeExtension.Error";
  }
}

export function emptySheet(name: string, id: string): SheetState {
  return {
    id,
    name,
    visibility: "Visible",
    protected: false,
    cells: new Map(),
    merges: [],
    columnWidths: new Map(),
    rowHeights: new Map(),
    hiddenRows: new Set(),
    conditionalFormats: [],
    pageLayout: { breaksBefore: [] },
    charts: [],
  };
}

// ---------------------------------------------------------------- addresses

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function a1(range: CellRange): string {
  const start = `${columnLetter(range.left)}${range.top + 1}`;
  const end = `${columnLetter(range.right)}${range.bottom + 1}`;
  return start === end ? start : `${start}:${end}`;
}

function qualified(sheet: string, range: CellRange): string {
  return `${quoteSheet(sheet)}!${a1(range)}`;
}

/** The fake's own reading of an A1 address (without sheet): cells, whole columns or whole rows. */
export function parseA1(address: string): CellRange {
  const text = address.replace(/\$/g, "");
  let m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/i.exec(text);
  if (m) {
    const l = columnIndex(m[1]) as number;
    const r = columnIndex(m[3] ?? m[1]) as number;
    const t = Number(m[2]) - 1;
    const b = Number(m[4] ?? m[2]) - 1;
    return { top: Math.min(t, b), bottom: Math.max(t, b), left: Math.min(l, r), right: Math.max(l, r) };
  }
  m = /^([A-Z]+):([A-Z]+)$/i.exec(text);
  if (m)
    return { top: 0, bottom: MAX_ROW, left: columnIndex(m[1]) as number, right: columnIndex(m[2]) as number };
  m = /^(\d+):(\d+)$/.exec(text);
  if (m) return { top: Number(m[1]) - 1, bottom: Number(m[2]) - 1, left: 0, right: MAX_COL };
  throw new FakeOfficeError("InvalidArgument", `address ${address}`);
}

const intersects = (a: CellRange, b: CellRange) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const contains = (outer: CellRange, inner: CellRange) =>
  outer.top <= inner.top &&
  inner.bottom <= outer.bottom &&
  outer.left <= inner.left &&
  inner.right <= outer.right;
const sameRange = (a: CellRange, b: CellRange) =>
  a.top === b.top && a.bottom === b.bottom && a.left === b.left && a.right === b.right;

// ---------------------------------------------------------------- cells

function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");
}

function cellAt(sheet: SheetState, row: number, col: number): Cell | undefined {
  return sheet.cells.get(row)?.get(col);
}

function cellFor(sheet: SheetState, row: number, col: number): Cell {
  let line = sheet.cells.get(row);
  if (!line) sheet.cells.set(row, (line = new Map()));
  let cell = line.get(col);
  if (!cell) line.set(col, (cell = { value: "", numberFormat: "General", format: {} }));
  return cell;
}

function forEachCell(range: CellRange, fn: (row: number, col: number) => void): void {
  for (let row = range.top; row <= range.bottom; row++)
    for (let col = range.left; col <= range.right; col++) fn(row, col);
}

/** Cells of the range that exist, without creating any (whole columns have a million rows). */
function existingCells(sheet: SheetState, range: CellRange): { row: number; col: number; cell: Cell }[] {
  const out: { row: number; col: number; cell: Cell }[] = [];
  for (const [row, line] of sheet.cells) {
    if (row < range.top || row > range.bottom) continue;
    for (const [col, cell] of line) if (col >= range.left && col <= range.right) out.push({ row, col, cell });
  }
  return out;
}

function isEmptyCell(cell: Cell): boolean {
  return cell.value === "" && cell.formula === undefined;
}

/** Excel's parsing of a value written through `values` (see the file comment for the choices). */
export function parseInput(raw: unknown, cell: Cell): void {
  if (raw === null || raw === undefined) return;
  delete cell.formula;
  delete cell.error;
  delete cell.quotePrefix;
  const text = cell.numberFormat === "@";
  if (typeof raw === "number" || typeof raw === "boolean") {
    cell.value = text && typeof raw === "number" ? String(raw) : raw;
    return;
  }
  const s = String(raw);
  if (s === "") {
    cell.value = "";
    return;
  }
  if (s.startsWith("'")) {
    cell.value = s.slice(1);
    cell.quotePrefix = true;
    return;
  }
  const numeric = /^[-+]?\d+(\.\d+)?(E[-+]?\d+)?%?$/i.test(s);
  if (s.length > 1 && (s[0] === "=" || s[0] === "@" || ((s[0] === "+" || s[0] === "-") && !numeric))) {
    cell.formula = s;
    cell.value = "#NAME?";
    cell.error = true;
    return;
  }
  if (!text && numeric) {
    cell.value = s.endsWith("%") ? Number(s.slice(0, -1)) / 100 : Number(s);
    return;
  }
  if (!text && /^(true|false)$/i.test(s)) {
    cell.value = s.toLowerCase() === "true";
    return;
  }
  cell.value = s;
}

function valueType(cell: Cell | undefined): string {
  if (!cell || isEmptyCell(cell)) return "Empty";
  if (cell.error) return "Error";
  if (typeof cell.value === "number") return "Double";
  if (typeof cell.value === "boolean") return "Boolean";
  return "String";
}

// ---------------------------------------------------------------- the queue

interface Operation {
  name: string;
  requestBytes: number;
  run: () => number | void;
}

function parsePaths(props?: string | string[]): string[] {
  if (props === undefined) return [];
  const list = Array.isArray(props) ? props : props.split(",");
  return list.map((p) => p.trim()).filter((p) => p !== "");
}

export class FakeExcel {
  readonly state: WorkbookState;
  readonly syncs: SyncRecord[] = [];
  private queue: Operation[] = [];
  private suspended = false;
  private nextId = 1;
  readonly context: FakeContext;
  /** Called with each operation as it runs; a test may throw from it to fail a batch half-way. */
  onOperation?: (name: string, syncIndex: number) => void;
  /** What a read above MAX_READ_CELLS does: the documentation allows both. */
  oversizedRead: "throw" | "null" = "throw";
  /** Excel's calculation, run at the end of a sync that wrote something: sets the formula cells' values. */
  recalculate?: (state: WorkbookState) => void;

  constructor(state?: Partial<WorkbookState>) {
    this.state = { sheets: [], structureProtected: false, tables: [], pivots: [], ...state };
    this.context = new FakeContext(this);
  }

  newId(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }

  enqueue(name: string, requestBytes: number, run: () => number | void): void {
    this.queue.push({ name, requestBytes, run });
  }

  suspendCalculation(): void {
    this.suspended = true;
    this.enqueue("suspendApiCalculationUntilNextSync", 40, () => undefined);
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const record: SyncRecord = {
      requestBytes: ops.reduce((sum, op) => sum + op.requestBytes, 0),
      responseBytes: 0,
      operations: ops.length,
      calculationSuspended: this.suspended,
      log: ops.map((op) => op.name),
    };
    this.suspended = false;
    this.syncs.push(record);
    await Promise.resolve();
    if (record.requestBytes > PAYLOAD_LIMIT) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `${record.requestBytes} bytes`);
    }
    for (const op of ops) {
      this.onOperation?.(op.name, this.syncs.length - 1);
      const bytes = op.run();
      if (typeof bytes === "number") record.responseBytes += bytes;
    }
    // A batch that wrote recalculates at its end, unless it suspended calculation: then "it is the
    // developer's responsibility to re-calc the workbook" (Application.suspendApiCalculationUntilNextSync),
    // and the formula cells keep their stale values until application.calculate.
    const wrote = ops.some((op) => !op.name.startsWith("load "));
    if (
      this.recalculate &&
      (ops.some((op) => op.name === "application.calculate") || (wrote && !record.calculationSuspended))
    )
      this.recalculate(this.state);
    if (record.responseBytes > PAYLOAD_LIMIT) {
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `${record.responseBytes} bytes`);
    }
  }

  // -- lookups used by proxies at run time

  sheetByName(name: string): SheetState {
    const sheet = this.state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!sheet) throw new FakeOfficeError("ItemNotFound", `worksheet ${name}`);
    return sheet;
  }

  sheetById(id: string): SheetState {
    const sheet = this.state.sheets.find((s) => s.id === id);
    if (!sheet) throw new FakeOfficeError("ItemNotFound", `worksheet id ${id}`);
    return sheet;
  }

  tableAt(sheet: SheetState, range: CellRange): TableState | undefined {
    return this.state.tables.find((t) => t.sheet === sheet.name && intersects(t.range, range));
  }

  writable(sheet: SheetState): void {
    if (sheet.protected) throw new FakeOfficeError("AccessDenied", `the sheet ${sheet.name} is protected`);
  }
}

// ---------------------------------------------------------------- proxies

abstract class FakeProxy {
  protected readonly loaded = new Map<string, unknown>();
  constructor(protected readonly fake: FakeExcel) {}

  protected value<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new FakeOfficeError("PropertyNotLoaded", prop);
    return this.loaded.get(prop) as T;
  }

  /** Resolves the object and loads the paths now (at sync); returns the response bytes. */
  abstract loadNow(paths: string[]): number;

  load(props?: string | string[]): this {
    const paths = parsePaths(props);
    this.fake.enqueue(`load ${this.constructor.name} ${paths.join(",")}`, bytesOf(paths), () =>
      this.loadNow(paths),
    );
    return this;
  }

  untrack(): this {
    return this;
  }

  /** Splits "a/b/c" into the navigation "a" and the rest, for loads through navigation properties. */
  protected loadPaths(
    paths: string[],
    own: (prop: string) => unknown,
    nav: (name: string) => FakeProxy,
  ): number {
    let bytes = 0;
    const nested = new Map<string, string[]>();
    for (const path of paths) {
      const slash = path.indexOf("/");
      if (slash < 0) {
        const v = own(path);
        this.loaded.set(path, v);
        bytes += bytesOf(v);
      } else {
        const head = path.slice(0, slash);
        nested.set(head, [...(nested.get(head) ?? []), path.slice(slash + 1)]);
      }
    }
    for (const [head, rest] of nested) bytes += nav(head).loadNow(rest);
    return bytes;
  }
}

type SheetLocator = () => SheetState | undefined;

export class FakeContext {
  readonly workbook: FakeWorkbook;
  readonly application: { suspendApiCalculationUntilNextSync: () => void; calculate: (type: string) => void };
  constructor(readonly fake: FakeExcel) {
    this.workbook = new FakeWorkbook(fake);
    this.application = {
      suspendApiCalculationUntilNextSync: () => fake.suspendCalculation(),
      calculate: (type: string) => {
        if (!["Recalculate", "Full", "FullRebuild"].includes(type))
          throw new FakeOfficeError("InvalidArgument", `calculation type ${type}`);
        fake.enqueue("application.calculate", bytesOf({ type }), () => undefined);
      },
    };
  }
  sync(): Promise<void> {
    return this.fake.sync();
  }
}

class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly pivotTables: FakePivotCollection;
  readonly protection: FakeWorkbookProtection;
  constructor(private readonly fake: FakeExcel) {
    this.worksheets = new FakeWorksheetCollection(fake);
    this.tables = new FakeTableCollection(fake);
    this.pivotTables = new FakePivotCollection(fake);
    this.protection = new FakeWorkbookProtection(fake);
  }
  /** The selection (state.selection: "Sheet!A1:B2", areas joined by ","), or A1 of the first sheet. */
  private selected(): { sheet: SheetState; areas: CellRange[] } {
    const selection = this.fake.state.selection ?? `${this.fake.state.sheets[0].name}!A1`;
    const bang = selection.lastIndexOf("!");
    const areas = selection
      .slice(bang + 1)
      .split(",")
      .map((a) => parseA1(a.trim()));
    return { sheet: this.fake.sheetByName(selection.slice(0, bang)), areas };
  }
  /** "If there are multiple ranges selected, this method will throw an error" (Workbook, ExcelApi 1.1). */
  getSelectedRange(): FakeRange {
    return new FakeRange(
      this.fake,
      () => this.selected().sheet,
      () => {
        const { areas } = this.selected();
        if (areas.length > 1)
          throw new FakeOfficeError(
            "InvalidSelection",
            "The current selection is invalid for this operation.",
          );
        return areas[0];
      },
      false,
    );
  }
  /** "Gets the currently selected one or more ranges" (Workbook.getSelectedRanges, ExcelApi 1.9). */
  getSelectedRanges(): FakeRangeAreas {
    return new FakeRangeAreas(this.fake, () => this.selected());
  }
}

class FakeWorkbookProtection extends FakeProxy {
  get protected(): boolean {
    return this.value("protected");
  }
  loadNow(paths: string[]): number {
    return this.loadPaths(
      paths,
      () => this.fake.state.structureProtected,
      () => this,
    );
  }
}

class FakeWorksheetCollection extends FakeProxy {
  get items(): FakeWorksheet[] {
    return this.value("items");
  }
  loadNow(paths: string[]): number {
    const items = this.fake.state.sheets.map((s) => {
      const id = s.id;
      return new FakeWorksheet(this.fake, () => this.fake.sheetById(id), false);
    });
    this.loaded.set("items", items);
    const rest = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    return items.reduce((sum, item) => sum + item.loadNow(rest), 0);
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.fake, () => this.fake.sheetByName(name), false);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(
      this.fake,
      () => this.fake.state.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()),
      true,
    );
  }
  add(name: string): FakeWorksheet {
    const fake = this.fake;
    fake.enqueue(`worksheets.add ${name}`, bytesOf({ name }), () => {
      if (fake.state.structureProtected)
        throw new FakeOfficeError("AccessDenied", "workbook structure is protected");
      if (fake.state.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
        throw new FakeOfficeError("ItemAlreadyExists", `worksheet ${name}`);
      }
      fake.state.sheets.push(emptySheet(name, fake.newId("sheet")));
    });
    return this.getItem(name);
  }
}

export class FakeWorksheet extends FakeProxy {
  readonly protection: FakeSheetProtection;
  readonly pageLayout: FakePageLayout;
  readonly horizontalPageBreaks: FakePageBreaks;
  readonly charts: FakeChartCollection;
  constructor(
    fake: FakeExcel,
    readonly locate: SheetLocator,
    private readonly nullable: boolean,
  ) {
    super(fake);
    this.protection = new FakeSheetProtection(fake, () => this.sheet());
    this.pageLayout = new FakePageLayout(fake, () => this.sheet());
    this.horizontalPageBreaks = new FakePageBreaks(fake, () => this.sheet());
    this.charts = new FakeChartCollection(fake, () => this.sheet());
  }
  sheet(): SheetState {
    const sheet = this.locate();
    if (!sheet) throw new FakeOfficeError("ItemNotFound", "worksheet");
    return sheet;
  }
  get isNullObject(): boolean {
    return this.value("isNullObject");
  }
  get name(): string {
    return this.value("name");
  }
  get visibility(): string {
    return this.value("visibility");
  }
  set visibility(visibility: string) {
    this.fake.enqueue("worksheet.visibility", bytesOf({ visibility }), () => {
      this.sheet().visibility = visibility as SheetState["visibility"];
    });
  }
  /** "The zero-based position of the worksheet within the workbook" (Worksheet.position, ExcelApi 1.1). */
  set position(position: number) {
    this.fake.enqueue("worksheet.position", bytesOf({ position }), () => {
      const sheets = this.fake.state.sheets;
      if (!Number.isInteger(position) || position < 0 || position >= sheets.length)
        throw new FakeOfficeError("InvalidArgument", `position ${position} of ${sheets.length} sheets`);
      if (this.fake.state.structureProtected)
        throw new FakeOfficeError("AccessDenied", "workbook structure is protected");
      const sheet = this.sheet();
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(position, 0, sheet);
    });
  }
  loadNow(paths: string[]): number {
    const sheet = this.locate();
    this.loaded.set("isNullObject", !sheet);
    if (!sheet) {
      if (!this.nullable) throw new FakeOfficeError("ItemNotFound", "worksheet");
      return 4;
    }
    return this.loadPaths(
      paths,
      (prop) => {
        if (prop === "name") return sheet.name;
        if (prop === "visibility") return sheet.visibility;
        if (prop === "id") return sheet.id;
        throw new FakeOfficeError("InvalidArgument", `worksheet.${prop}`);
      },
      (nav) => {
        if (nav === "protection") return this.protection;
        throw new FakeOfficeError("InvalidArgument", `worksheet.${nav}`);
      },
    );
  }
  /** Excel refuses to activate a hidden sheet. */
  activate(): void {
    this.fake.enqueue("worksheet.activate", 20, () => {
      const sheet = this.sheet();
      if (sheet.visibility !== "Visible")
        throw new FakeOfficeError("InvalidOperation", `the sheet ${sheet.name} is hidden`);
      this.fake.state.activeSheet = sheet.name;
    });
  }
  delete(): void {
    this.fake.enqueue("worksheet.delete", 20, () => {
      const sheet = this.sheet();
      if (this.fake.state.structureProtected)
        throw new FakeOfficeError("AccessDenied", "workbook structure is protected");
      this.fake.state.sheets = this.fake.state.sheets.filter((s) => s !== sheet);
      this.fake.state.tables = this.fake.state.tables.filter((t) => t.sheet !== sheet.name);
      breakReferences(this.fake.state, sheet.name);
    });
  }
  getRange(address?: string): FakeRange {
    const area =
      address === undefined ? { top: 0, left: 0, bottom: MAX_ROW, right: MAX_COL } : parseA1(address);
    return new FakeRange(
      this.fake,
      () => this.sheet(),
      () => area,
      false,
    );
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.fake,
      () => this.sheet(),
      (sheet) => usedArea(sheet, valuesOnly === true),
      true,
    );
  }
  /** "If the entire worksheet is blank, this function will return the top left cell" (ExcelApi 1.1). */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.fake,
      () => this.sheet(),
      (sheet) => usedArea(sheet, valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 },
      false,
    );
  }
}

/**
 * A reference to `name` in a formula: quoted ('Tiêu chí'!, a quote inside doubled) or bare (Data!),
 * matched without regard to case, as Excel matches sheet names.
 */
function sheetReference(name: string): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const quoted = `'${escape(name.replace(/'/g, "''"))}'!`;
  const bare = `(?<![\\w.'!])${escape(name)}!`;
  return new RegExp(`${quoted}|${bare}`, "giu");
}

/**
 * Deleting a sheet breaks every reference to it: Excel rewrites the formula with #REF! in place of the
 * sheet (=#REF!A1) and the cell shows #REF!; the formula text is overwritten, so a sheet added later
 * under the same name does not mend it (PHPOffice/PhpSpreadsheet#3453, spreadsheetlab/XLParser#76,
 * jet-global/EPPlus#191 describe Excel's rewrite). The same holds for conditional formats' formulas.
 */
function breakReferences(state: WorkbookState, name: string): void {
  const reference = sheetReference(name);
  const broken = (formula: string) => formula.replace(reference, "#REF!");
  for (const sheet of state.sheets) {
    for (const line of sheet.cells.values()) {
      for (const cell of line.values()) {
        if (cell.formula === undefined) continue;
        const formula = broken(cell.formula);
        if (formula === cell.formula) continue;
        cell.formula = formula;
        cell.value = "#REF!";
        cell.error = true;
      }
    }
    for (const cf of sheet.conditionalFormats) cf.formula = broken(cf.formula);
  }
}

/** The bounding box of the used cells of `sheet`, or of those inside `within`. */
function usedArea(sheet: SheetState, valuesOnly: boolean, within?: CellRange): CellRange | undefined {
  let area: CellRange | undefined;
  for (const [row, line] of sheet.cells) {
    if (within && (row < within.top || row > within.bottom)) continue;
    for (const [col, cell] of line) {
      if (within && (col < within.left || col > within.right)) continue;
      const used =
        !isEmptyCell(cell) ||
        (!valuesOnly && (cell.numberFormat !== "General" || Object.keys(cell.format).length > 0));
      if (!used) continue;
      area = area
        ? {
            top: Math.min(area.top, row),
            bottom: Math.max(area.bottom, row),
            left: Math.min(area.left, col),
            right: Math.max(area.right, col),
          }
        : { top: row, bottom: row, left: col, right: col };
    }
  }
  return area;
}

class FakeSheetProtection extends FakeProxy {
  constructor(
    fake: FakeExcel,
    private readonly sheet: () => SheetState,
  ) {
    super(fake);
  }
  get protected(): boolean {
    return this.value("protected");
  }
  loadNow(paths: string[]): number {
    return this.loadPaths(
      paths,
      () => this.sheet().protected,
      () => this,
    );
  }
}

type AreaLocator = (sheet: SheetState) => CellRange | undefined;

export class FakeRange extends FakeProxy {
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: FakeConditionalFormats;
  constructor(
    fake: FakeExcel,
    readonly sheetOf: () => SheetState,
    readonly areaOf: AreaLocator,
    private readonly nullable: boolean,
  ) {
    super(fake);
    this.format = new FakeRangeFormat(fake, this);
    this.conditionalFormats = new FakeConditionalFormats(fake, this);
  }
  /** The sheet and cells this proxy stands for, now. */
  where(): { sheet: SheetState; area: CellRange } {
    const sheet = this.sheetOf();
    const area = this.areaOf(sheet);
    if (!area) throw new FakeOfficeError("ItemNotFound", "range");
    return { sheet, area };
  }
  get isNullObject(): boolean {
    return this.value("isNullObject");
  }
  get address(): string {
    return this.value("address");
  }
  get values(): unknown[][] {
    return this.value("values");
  }
  set values(values: unknown[][]) {
    this.fake.enqueue("range.values", bytesOf(values), () => {
      const { sheet, area } = this.where();
      this.fake.writable(sheet);
      checkDimensions("values", values, area);
      forEachCell(area, (row, col) => {
        if (isMergedSlave(sheet, row, col)) return;
        parseInput(values[row - area.top][col - area.left], cellFor(sheet, row, col));
      });
    });
  }
  get formulas(): unknown[][] {
    return this.value("formulas");
  }
  set formulas(formulas: unknown[][]) {
    this.fake.enqueue("range.formulas", bytesOf(formulas), () => {
      const { sheet, area } = this.where();
      this.fake.writable(sheet);
      checkDimensions("formulas", formulas, area);
      forEachCell(area, (row, col) => {
        if (isMergedSlave(sheet, row, col)) return;
        const raw = formulas[row - area.top][col - area.left];
        if (raw === null || raw === undefined) return;
        if (typeof raw === "string" && raw.length > 1 && raw.startsWith("=")) {
          const cell = cellFor(sheet, row, col);
          delete cell.quotePrefix;
          cell.formula = raw;
          cell.value = "#NAME?";
          cell.error = true;
        } else parseInput(raw, cellFor(sheet, row, col));
      });
    });
  }
  get numberFormat(): string[][] {
    return this.value("numberFormat");
  }
  set numberFormat(formats: string[][]) {
    this.fake.enqueue("range.numberFormat", bytesOf(formats), () => {
      const { sheet, area } = this.where();
      this.fake.writable(sheet);
      checkDimensions("numberFormat", formats, area);
      forEachCell(area, (row, col) => {
        const format = formats[row - area.top][col - area.left];
        if (format !== null && format !== undefined) cellFor(sheet, row, col).numberFormat = String(format);
      });
    });
  }
  get valueTypes(): string[][] {
    return this.value("valueTypes");
  }
  get rowHidden(): boolean | null {
    return this.value("rowHidden");
  }
  set style(style: string) {
    this.fake.enqueue("range.style", bytesOf({ style }), () => {
      if (style !== "Normal") throw new FakeOfficeError("InvalidArgument", `style ${style}`);
      const { sheet, area } = this.where();
      this.fake.writable(sheet);
      for (const { cell } of existingCells(sheet, area)) {
        cell.format = {};
        cell.numberFormat = "General";
        delete cell.quotePrefix;
      }
    });
  }
  loadNow(paths: string[]): number {
    const sheet = this.sheetOf();
    const area = this.areaOf(sheet);
    this.loaded.set("isNullObject", !area);
    if (!area) {
      if (!this.nullable) throw new FakeOfficeError("ItemNotFound", "range");
      return 4;
    }
    const grid = <T>(fn: (cell: Cell | undefined, row: number, col: number) => T): T[][] => {
      const out: T[][] = [];
      for (let row = area.top; row <= area.bottom; row++) {
        const line: T[] = [];
        for (let col = area.left; col <= area.right; col++) line.push(fn(cellAt(sheet, row, col), row, col));
        out.push(line);
      }
      return out;
    };
    return this.loadPaths(
      paths,
      (prop) => {
        switch (prop) {
          case "address":
            return qualified(sheet.name, area);
          case "values":
            return grid((cell) => (cell ? cell.value : ""));
          case "formulas":
            return grid((cell) => (cell ? (cell.formula ?? cell.value) : ""));
          case "valueTypes":
            return grid(valueType);
          case "numberFormat":
            return grid((cell) => cell?.numberFormat ?? "General");
          case "rowHidden": {
            // "true when all rows are hidden, false when none is, null when some are" (Range.rowHidden).
            let hidden = 0;
            for (let row = area.top; row <= area.bottom; row++) if (sheet.hiddenRows.has(row)) hidden++;
            return hidden === 0 ? false : hidden === area.bottom - area.top + 1 ? true : null;
          }
          case "rowCount":
            return area.bottom - area.top + 1;
          case "columnCount":
            return area.right - area.left + 1;
          default:
            throw new FakeOfficeError("InvalidArgument", `range.${prop}`);
        }
      },
      () => {
        throw new FakeOfficeError("InvalidArgument", "range navigation");
      },
    );
  }
  merge(across?: boolean): void {
    this.fake.enqueue("range.merge", bytesOf({ across }), () => {
      const { sheet, area } = this.where();
      this.fake.writable(sheet);
      if (across) throw new FakeOfficeError("NotImplemented", "merge across");
      if (this.fake.tableAt(sheet, area))
        throw new FakeOfficeError("InvalidOperation", "cannot merge cells in a table");
      const clash = sheet.merges.find((m) => intersects(m, area));
      if (clash) {
        if (sameRange(clash, area)) return;
        throw new FakeOfficeError("InvalidOperation", `merge ${a1(area)} overlaps ${a1(clash)}`);
      }
      const master = cellAt(sheet, area.top, area.left);
      forEachCell(area, (row, col) => {
        if (row === area.top && col === area.left) return;
        const cell = cellFor(sheet, row, col);
        cell.value = "";
        delete cell.formula;
        delete cell.error;
        cell.numberFormat = master?.numberFormat ?? "General";
        cell.format = structuredClone(master?.format ?? {});
      });
      sheet.merges.push(area);
    });
  }
  unmerge(): void {
    this.fake.enqueue("range.unmerge", 20, () => {
      const { sheet, area } = this.where();
      this.fake.writable(sheet);
      sheet.merges = sheet.merges.filter((m) => !intersects(m, area));
    });
  }
  clear(applyTo?: string): void {
    this.fake.enqueue("range.clear", bytesOf({ applyTo }), () => {
      const { sheet, area } = this.where();
      this.fake.writable(sheet);
      if (applyTo !== undefined && applyTo !== "All")
        throw new FakeOfficeError("NotImplemented", `clear ${applyTo}`);
      for (const { row, col } of existingCells(sheet, area)) {
        const line = sheet.cells.get(row);
        line?.delete(col);
        if (line?.size === 0) sheet.cells.delete(row);
      }
      sheet.merges = sheet.merges.filter((m) => !intersects(m, area));
    });
  }
  select(): void {
    this.fake.enqueue("range.select", 20, () => {
      const { sheet, area } = this.where();
      this.fake.state.selection = `${sheet.name}!${a1(area)}`;
    });
  }
  /**
   * "Returns the used range of the given range object. If there are no used cells within the range, this
   * function returns a null object" (Range.getUsedRangeOrNullObject, ExcelApi 1.4).
   */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.fake,
      this.sheetOf,
      (sheet) => {
        const area = this.areaOf(sheet);
        if (!area) throw new FakeOfficeError("ItemNotFound", "range");
        return usedArea(sheet, valuesOnly === true, area);
      },
      true,
    );
  }
  /**
   * The visible cells as areas, one per run of visible rows (the fake hides no columns); a null object
   * when every row is hidden (Range.getSpecialCellsOrNullObject, SpecialCellType "Visible", ExcelApi 1.9).
   */
  getSpecialCellsOrNullObject(cellType: string): FakeRangeAreas {
    if (cellType !== "Visible") throw new FakeOfficeError("NotImplemented", `special cells ${cellType}`);
    return new FakeRangeAreas(this.fake, () => {
      const { sheet, area } = this.where();
      // "A range is limited to 5,000,000 cells for read operations. When a read exceeds this limit, the API
      // will either return null or throw an error" (Resource limits): the fake does as it is told.
      const cells = (area.bottom - area.top + 1) * (area.right - area.left + 1);
      if (cells > MAX_READ_CELLS) {
        if (this.fake.oversizedRead === "null") return undefined;
        throw new FakeOfficeError("GeneralException", `${cells} cells read at once`);
      }
      const areas: CellRange[] = [];
      for (let row = area.top; row <= area.bottom; row++) {
        if (sheet.hiddenRows.has(row)) continue;
        const last = areas[areas.length - 1];
        if (last && last.bottom === row - 1) last.bottom = row;
        else areas.push({ top: row, bottom: row, left: area.left, right: area.right });
      }
      return areas.length ? { sheet, areas } : undefined;
    });
  }
  /** "if the merged areas count in this range is more than 512, then this method will fail" (docs). */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.fake, () => {
      const { sheet, area } = this.where();
      const merges = sheet.merges.filter((m) => intersects(m, area));
      if (merges.length > MAX_MERGED_AREAS)
        throw new FakeOfficeError("GeneralException", `${merges.length} merged areas in ${a1(area)}`);
      return merges.length ? { sheet, areas: merges } : undefined;
    });
  }
}

function isMergedSlave(sheet: SheetState, row: number, col: number): boolean {
  return sheet.merges.some(
    (m) => contains(m, { top: row, bottom: row, left: col, right: col }) && (m.top !== row || m.left !== col),
  );
}

function checkDimensions(what: string, data: unknown[][], area: CellRange): void {
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  if (
    !Array.isArray(data) ||
    data.length !== rows ||
    data.some((line) => !Array.isArray(line) || line.length !== cols)
  ) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `${what}: the dimensions do not match the range ${a1(area)}`,
    );
  }
}

class FakeRangeAreas extends FakeProxy {
  constructor(
    fake: FakeExcel,
    private readonly resolve: () => { sheet: SheetState; areas: CellRange[] } | undefined,
  ) {
    super(fake);
  }
  get isNullObject(): boolean {
    return this.value("isNullObject");
  }
  get address(): string {
    return this.value("address");
  }
  loadNow(paths: string[]): number {
    const found = this.resolve();
    this.loaded.set("isNullObject", !found);
    if (!found) return 4;
    return this.loadPaths(
      paths,
      (prop) => {
        if (prop !== "address") throw new FakeOfficeError("InvalidArgument", `rangeAreas.${prop}`);
        return found.areas.map((area) => qualified(found.sheet.name, area)).join(",");
      },
      () => this,
    );
  }
}

/** Queues a property write on each cell of the range's format (or on its rows and columns). */
function formatWriter(
  fake: FakeExcel,
  range: FakeRange,
  name: string,
  value: unknown,
  apply: (cell: Cell, row: number, col: number, area: CellRange) => void,
) {
  fake.enqueue(`format.${name}`, bytesOf({ [name]: value }), () => {
    const { sheet, area } = range.where();
    fake.writable(sheet);
    forEachCell(area, (row, col) => apply(cellFor(sheet, row, col), row, col, area));
  });
}

class FakeRangeFormat {
  readonly font: FakeFont;
  readonly fill: { color: string };
  readonly borders: { getItem: (edge: string) => { style: string; weight: string } };
  constructor(
    private readonly fake: FakeExcel,
    private readonly range: FakeRange,
  ) {
    this.font = new FakeFont(fake, range);
    const setFill = (color: string) =>
      formatWriter(
        fake,
        range,
        "fill.color",
        color,
        (cell) => (cell.format.fill = color.replace("#", "").toUpperCase()),
      );
    this.fill = {
      set color(color: string) {
        setFill(color);
      },
      get color(): string {
        throw new FakeOfficeError("PropertyNotLoaded", "fill.color");
      },
    };
    this.borders = { getItem: (edge: string) => new FakeBorder(fake, range, edge) };
  }
  set horizontalAlignment(value: string) {
    formatWriter(
      this.fake,
      this.range,
      "horizontalAlignment",
      value,
      (cell) => (cell.format.horizontal = value),
    );
  }
  set verticalAlignment(value: string) {
    formatWriter(this.fake, this.range, "verticalAlignment", value, (cell) => (cell.format.vertical = value));
  }
  set wrapText(value: boolean) {
    formatWriter(this.fake, this.range, "wrapText", value, (cell) => (cell.format.wrap = value));
  }
  set columnWidth(points: number) {
    this.fake.enqueue("format.columnWidth", bytesOf({ columnWidth: points }), () => {
      const { sheet, area } = this.range.where();
      this.fake.writable(sheet);
      for (let col = area.left; col <= area.right; col++) sheet.columnWidths.set(col, points);
    });
  }
  /** "Only intended to be set to true. Setting it to false has no effect" (RangeFormat, ExcelApi 1.7). */
  set useStandardWidth(value: boolean) {
    this.fake.enqueue("format.useStandardWidth", bytesOf({ useStandardWidth: value }), () => {
      const { sheet, area } = this.range.where();
      this.fake.writable(sheet);
      if (value) for (let col = area.left; col <= area.right; col++) sheet.columnWidths.delete(col);
    });
  }
  set useStandardHeight(value: boolean) {
    this.fake.enqueue("format.useStandardHeight", bytesOf({ useStandardHeight: value }), () => {
      const { sheet, area } = this.range.where();
      this.fake.writable(sheet);
      if (!value) return;
      for (const row of [...sheet.rowHeights.keys()]) {
        if (row >= area.top && row <= area.bottom) sheet.rowHeights.delete(row);
      }
    });
  }
  set rowHeight(points: number) {
    this.fake.enqueue("format.rowHeight", bytesOf({ rowHeight: points }), () => {
      const { sheet, area } = this.range.where();
      this.fake.writable(sheet);
      for (let row = area.top; row <= area.bottom; row++) sheet.rowHeights.set(row, points);
    });
  }
}

class FakeFont {
  constructor(
    private readonly fake: FakeExcel,
    private readonly range: FakeRange,
  ) {}
  set name(value: string) {
    formatWriter(this.fake, this.range, "font.name", value, (cell) => (cell.format.fontName = value));
  }
  set size(value: number) {
    formatWriter(this.fake, this.range, "font.size", value, (cell) => (cell.format.fontSize = value));
  }
  set bold(value: boolean) {
    formatWriter(this.fake, this.range, "font.bold", value, (cell) => (cell.format.bold = value));
  }
  set italic(value: boolean) {
    formatWriter(this.fake, this.range, "font.italic", value, (cell) => (cell.format.italic = value));
  }
  set underline(value: string) {
    formatWriter(this.fake, this.range, "font.underline", value, (cell) => (cell.format.underline = value));
  }
}

class FakeBorder {
  constructor(
    private readonly fake: FakeExcel,
    private readonly range: FakeRange,
    private readonly edge: string,
  ) {}
  private sides(row: number, col: number, area: CellRange): (keyof Borders)[] {
    switch (this.edge) {
      case "EdgeTop":
        return row === area.top ? ["top"] : [];
      case "EdgeBottom":
        return row === area.bottom ? ["bottom"] : [];
      case "EdgeLeft":
        return col === area.left ? ["left"] : [];
      case "EdgeRight":
        return col === area.right ? ["right"] : [];
      case "InsideHorizontal":
        return [
          ...(row > area.top ? ["top" as const] : []),
          ...(row < area.bottom ? ["bottom" as const] : []),
        ];
      case "InsideVertical":
        return [
          ...(col > area.left ? ["left" as const] : []),
          ...(col < area.right ? ["right" as const] : []),
        ];
      default:
        throw new FakeOfficeError("InvalidArgument", `border ${this.edge}`);
    }
  }
  private set(part: "style" | "weight", value: string) {
    formatWriter(this.fake, this.range, `borders.${this.edge}.${part}`, value, (cell, row, col, area) => {
      for (const side of this.sides(row, col, area)) {
        const borders = (cell.format.borders ??= {});
        const [style, weight] = (borders[side] ?? "/").split("/");
        borders[side] = part === "style" ? `${value}/${weight}` : `${style}/${value}`;
      }
    });
  }
  set style(value: string) {
    this.set("style", value);
  }
  set weight(value: string) {
    this.set("weight", value);
  }
}

// ---------------------------------------------------------------- conditional formats

/**
 * A range's conditional formats: those intersecting the range, in priority order. As in Excel, a rule's id
 * is its priority within that collection ("The priority of the conditional format in the current
 * ConditionalFormatCollection"): getItem(id) takes whichever rule is at that position when the batch
 * runs, so ids shift after a delete (OfficeDev/office-js#5222), and add() puts the new rule on top.
 */
class FakeConditionalFormats extends FakeProxy {
  constructor(
    fake: FakeExcel,
    private readonly range: FakeRange,
  ) {
    super(fake);
  }
  private members(): ConditionalFormatState[] {
    const { sheet, area } = this.range.where();
    return sheet.conditionalFormats.filter((cf) => intersects(cf.range, area));
  }
  get items(): FakeConditionalFormat[] {
    return this.value("items");
  }
  loadNow(paths: string[]): number {
    const members = () => this.members();
    const items = members().map(
      (cf) =>
        new FakeConditionalFormat(this.fake, this.range.sheetOf, members, (list) =>
          list.find((c) => c === cf),
        ),
    );
    this.loaded.set("items", items);
    const rest = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    return items.reduce((sum, item) => sum + item.loadNow(rest), 0);
  }
  add(type: string): FakeConditionalFormat {
    const created: ConditionalFormatState = {
      id: this.fake.newId("{cf-"),
      type,
      range: EMPTY_RANGE,
      formula: "",
    };
    this.fake.enqueue("conditionalFormats.add", bytesOf({ type }), () => {
      const { sheet, area } = this.range.where();
      this.fake.writable(sheet);
      created.range = area;
      sheet.conditionalFormats.unshift(created);
    });
    return new FakeConditionalFormat(
      this.fake,
      this.range.sheetOf,
      () => this.members(),
      (list) => list.find((c) => c === created),
    );
  }
  /**
   * "Clears all conditional formats active on the current specified range" (ExcelApi 1.6). A rule only
   * partly inside the range would be cut to what is left, which the fake does not model: it refuses.
   */
  clearAll(): void {
    this.fake.enqueue("conditionalFormats.clearAll", 20, () => {
      const { sheet, area } = this.range.where();
      this.fake.writable(sheet);
      const hit = sheet.conditionalFormats.filter((cf) => intersects(cf.range, area));
      if (hit.some((cf) => !contains(area, cf.range)))
        throw new FakeOfficeError("NotImplemented", "clearing part of a conditional format's range");
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !hit.includes(cf));
    });
  }
  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(
      this.fake,
      this.range.sheetOf,
      () => this.members(),
      (list) => (/^\d+$/.test(id) ? list[Number(id)] : undefined),
    );
  }
}

const EMPTY_RANGE: CellRange = { top: 0, left: 0, bottom: 0, right: 0 };

class FakeConditionalFormat extends FakeProxy {
  readonly custom: {
    rule: FakeRule;
    format: { fill: { color: string } };
  };
  constructor(
    fake: FakeExcel,
    private readonly sheetOf: () => SheetState,
    private readonly members: () => ConditionalFormatState[],
    private readonly pick: (members: ConditionalFormatState[]) => ConditionalFormatState | undefined,
  ) {
    super(fake);
    const state = () => this.state();
    const setFill = (color: string) =>
      fake.enqueue("conditionalFormat.fill", bytesOf({ color }), () => {
        state().fill = color.replace("#", "").toUpperCase();
      });
    this.custom = {
      rule: new FakeRule(fake, state),
      format: {
        fill: {
          set color(color: string) {
            setFill(color);
          },
          get color(): string {
            throw new FakeOfficeError("PropertyNotLoaded", "fill.color");
          },
        },
      },
    };
  }
  state(): ConditionalFormatState {
    const cf = this.pick(this.members());
    if (!cf) throw new FakeOfficeError("ItemNotFound", "conditional format");
    return cf;
  }
  get id(): string {
    return this.value("id");
  }
  get type(): string {
    return this.value("type");
  }
  loadNow(paths: string[]): number {
    const cf = this.state();
    return this.loadPaths(
      paths,
      (prop) => {
        if (prop === "id") return String(this.members().indexOf(cf));
        if (prop === "type") return cf.type;
        throw new FakeOfficeError("InvalidArgument", `conditionalFormat.${prop}`);
      },
      () => {
        throw new FakeOfficeError("InvalidArgument", "conditionalFormat navigation");
      },
    );
  }
  getRanges(): FakeRangeAreas {
    return new FakeRangeAreas(this.fake, () => {
      const cf = readable(this.state());
      return { sheet: this.sheetOf(), areas: [cf.range] };
    });
  }
  delete(): void {
    this.fake.enqueue("conditionalFormat.delete", 20, () => {
      const sheet = this.sheetOf();
      this.fake.writable(sheet);
      const cf = this.state();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((c) => c !== cf);
    });
  }
}

function readable(cf: ConditionalFormatState): ConditionalFormatState {
  if (cf.unreadable) throw new FakeOfficeError("GeneralException", "the rule's properties cannot be read");
  return cf;
}

class FakeRule extends FakeProxy {
  constructor(
    fake: FakeExcel,
    private readonly cf: () => ConditionalFormatState,
  ) {
    super(fake);
  }
  get formula(): string {
    return this.value("formula");
  }
  set formula(formula: string) {
    this.fake.enqueue("rule.formula", bytesOf({ formula }), () => {
      if (!formula.startsWith("="))
        throw new FakeOfficeError("InvalidArgument", "a rule formula starts with =");
      this.cf().formula = formula;
    });
  }
  loadNow(paths: string[]): number {
    return this.loadPaths(
      paths,
      () => readable(this.cf()).formula,
      () => this,
    );
  }
}

// ---------------------------------------------------------------- page layout

class FakePageLayout {
  constructor(
    private readonly fake: FakeExcel,
    private readonly sheet: () => SheetState,
  ) {
    const props = [
      "paperSize",
      "orientation",
      "topMargin",
      "bottomMargin",
      "leftMargin",
      "rightMargin",
      "headerMargin",
      "footerMargin",
      "zoom",
    ] as const;
    for (const prop of props) {
      Object.defineProperty(this, prop, {
        set: (value: unknown) =>
          fake.enqueue(`pageLayout.${prop}`, bytesOf({ [prop]: value }), () => {
            if (prop === "zoom") checkZoom(value as PageLayoutState["zoom"]);
            (sheet().pageLayout as unknown as Record<string, unknown>)[prop] = structuredClone(value);
          }),
        get: () => {
          throw new FakeOfficeError("PropertyNotLoaded", prop);
        },
      });
    }
  }
  setPrintArea(area: string): void {
    this.fake.enqueue("pageLayout.setPrintArea", bytesOf({ area }), () => {
      parseA1(area);
      this.sheet().pageLayout.printArea = area;
    });
  }
}

/**
 * PageLayoutZoomOptions as documented: scale 10–400, or a number of pages wide/tall (null when a scale is
 * used). Anything else (0 pages) is undocumented, and the fake refuses it rather than guess.
 */
function checkZoom(zoom: PageLayoutState["zoom"]): void {
  const { scale, horizontalFitToPages: wide, verticalFitToPages: tall } = zoom ?? {};
  const pages = (n: number | undefined | null) =>
    n === undefined || n === null || (Number.isInteger(n) && n >= 1);
  const scaleOk =
    scale === undefined || scale === null || (Number.isInteger(scale) && scale >= 10 && scale <= 400);
  if (!pages(wide) || !pages(tall) || !scaleOk)
    throw new FakeOfficeError("InvalidArgument", `zoom ${JSON.stringify(zoom)}`);
}

class FakePageBreaks {
  constructor(
    private readonly fake: FakeExcel,
    private readonly sheet: () => SheetState,
  ) {}
  add(address: string): void {
    this.fake.enqueue("horizontalPageBreaks.add", bytesOf({ address }), () => {
      const layout = this.sheet().pageLayout;
      const row = parseA1(address).top;
      if (!layout.breaksBefore.includes(row)) layout.breaksBefore.push(row);
    });
  }
  /** "Resets all manual page breaks in the collection" (PageBreakCollection, ExcelApi 1.9). */
  removePageBreaks(): void {
    this.fake.enqueue("horizontalPageBreaks.removePageBreaks", 20, () => {
      this.sheet().pageLayout.breaksBefore = [];
    });
  }
}

// ---------------------------------------------------------------- tables and PivotTables

class FakeTableCollection extends FakeProxy {
  get items(): FakeTable[] {
    return this.value("items");
  }
  loadNow(paths: string[]): number {
    const items = this.fake.state.tables.map((t) => new FakeTable(this.fake, t.id));
    this.loaded.set("items", items);
    const rest = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    return items.reduce((sum, item) => sum + item.loadNow(rest), 0);
  }
  getItem(name: string): FakeTable {
    const table = this.fake.state.tables.find((t) => t.name === name);
    return new FakeTable(this.fake, table?.id ?? `missing:${name}`);
  }
}

/** Inserts one empty column at `from` in rows top..bottom: the cells from there on move right by one. */
function shiftRight(sheet: SheetState, top: number, bottom: number, from: number): void {
  for (let row = top; row <= bottom; row++) {
    const line = sheet.cells.get(row);
    if (!line) continue;
    const moved = [...line].filter(([col]) => col >= from).sort(([a], [b]) => b - a);
    for (const [col, cell] of moved) {
      line.delete(col);
      line.set(col + 1, cell);
    }
  }
}

class FakeTable extends FakeProxy {
  readonly columns: { add: (index?: number, values?: unknown, name?: string) => void };
  constructor(
    fake: FakeExcel,
    private readonly tableId: string,
  ) {
    super(fake);
    this.columns = {
      add: (index?: number, values?: unknown, name?: string) =>
        fake.enqueue("table.columns.add", bytesOf({ index, values, name }), () => {
          if (index !== undefined && index !== null)
            throw new FakeOfficeError("NotImplemented", "column index");
          const table = this.state();
          const sheet = fake.sheetByName(table.sheet);
          fake.writable(sheet);
          // As Excel's "Insert Table Columns to the Right": cells are inserted in the table's rows only,
          // and every cell right of the table on those rows moves one column right.
          shiftRight(sheet, table.range.top, table.range.bottom, table.range.right + 1);
          table.range = { ...table.range, right: table.range.right + 1 };
          const header = cellFor(sheet, table.range.top, table.range.right);
          header.value = name ?? `Column${table.range.right - table.range.left + 1}`;
        }),
    };
  }
  state(): TableState {
    const table = this.fake.state.tables.find((t) => t.id === this.tableId);
    if (!table) throw new FakeOfficeError("ItemNotFound", `table ${this.tableId}`);
    return table;
  }
  get name(): string {
    return this.value("name");
  }
  get showHeaders(): boolean {
    return this.value("showHeaders");
  }
  loadNow(paths: string[]): number {
    const table = this.state();
    return this.loadPaths(
      paths,
      (prop) => {
        if (prop === "name") return table.name;
        if (prop === "showHeaders") return table.showHeaders;
        throw new FakeOfficeError("InvalidArgument", `table.${prop}`);
      },
      () => {
        throw new FakeOfficeError("InvalidArgument", "table navigation");
      },
    );
  }
  getRange(): FakeRange {
    return new FakeRange(
      this.fake,
      () => this.fake.sheetByName(this.state().sheet),
      () => this.state().range,
      false,
    );
  }
  resize(target: FakeRange | string): void {
    this.fake.enqueue(
      "table.resize",
      bytesOf({ target: typeof target === "string" ? target : "range" }),
      () => {
        const table = this.state();
        const sheet = this.fake.sheetByName(table.sheet);
        this.fake.writable(sheet);
        const area = typeof target === "string" ? parseA1(target) : target.where().area;
        if (typeof target !== "string" && target.where().sheet !== sheet) {
          throw new FakeOfficeError("InvalidArgument", "a table stays on its sheet");
        }
        if (area.top !== table.range.top || !intersects(area, table.range)) {
          throw new FakeOfficeError(
            "InvalidArgument",
            "the headers must stay in the same row and the ranges overlap",
          );
        }
        if (sheet.merges.some((m) => intersects(m, area)))
          throw new FakeOfficeError("InvalidOperation", "merged cells in a table");
        table.range = area;
      },
    );
  }
}

class FakePivotCollection extends FakeProxy {
  get items(): FakePivot[] {
    return this.value("items");
  }
  loadNow(paths: string[]): number {
    const items = this.fake.state.pivots.map((p) => new FakePivot(this.fake, p));
    this.loaded.set("items", items);
    const rest = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    return items.reduce((sum, item) => sum + item.loadNow(rest), 0);
  }
}

class FakePivot extends FakeProxy {
  readonly layout: { getRange: () => FakeRange };
  constructor(
    fake: FakeExcel,
    private readonly pivot: PivotState,
  ) {
    super(fake);
    this.layout = {
      getRange: () =>
        new FakeRange(
          fake,
          () => fake.sheetByName(pivot.sheet),
          () => pivot.range,
          false,
        ),
    };
  }
  get name(): string {
    return this.value("name");
  }
  loadNow(paths: string[]): number {
    return this.loadPaths(
      paths,
      (prop) => {
        if (prop === "name") return this.pivot.name;
        throw new FakeOfficeError("InvalidArgument", `pivotTable.${prop}`);
      },
      () => this,
    );
  }
}

// ---------------------------------------------------------------- charts

/**
 * Charts, strictly: what the adapter uses, refusing what Excel refuses or what its documentation does not
 * promise (a source range on another sheet, an unknown chart type, a point or series index out of range,
 * a colour neither "#RRGGBB" nor a name, a gap width outside 0–500, an axis minimum not below its maximum, a
 * position whose end is above or left of its start, a series name above 255 characters).
 */
const CHART_TYPES = new Set([
  "ColumnClustered",
  "ColumnStacked",
  "BarClustered",
  "Line",
  "LineMarkers",
  "XYScatter",
  "Pie",
  "Area",
]);
/** Types a series of a column chart may take in a combination chart (no 3-D, pie or stock). */
const COMBINABLE = new Set(["ColumnClustered", "ColumnStacked", "Line", "LineMarkers", "Area"]);
const MARKER_STYLES = new Set([
  "Automatic",
  "None",
  "Square",
  "Diamond",
  "Triangle",
  "X",
  "Star",
  "Dot",
  "Dash",
  "Circle",
  "Plus",
]);

/** Office.js takes "#RRGGBB" or a colour's name ("Orange"). */
function checkColour(colour: string): string {
  if (/^[A-Za-z]+$/.test(colour)) return colour;
  if (!/^#[0-9A-Fa-f]{6}$/.test(colour)) throw new FakeOfficeError("InvalidArgument", `colour ${colour}`);
  return colour.toUpperCase();
}

function checkSeriesName(name: string): string {
  if (name.length > 255) throw new FakeOfficeError("InvalidArgument", "series name above 255 characters");
  return name;
}

/** The range's area on the chart's own sheet, or a refusal. */
function rangeOnSheet(range: FakeRange, sheet: SheetState): CellRange {
  const { sheet: owner, area } = range.where();
  if (owner !== sheet)
    throw new FakeOfficeError("InvalidArgument", `a chart on ${sheet.name} over cells of ${owner.name}`);
  return area;
}

class FakeChartCollection extends FakeProxy {
  constructor(
    fake: FakeExcel,
    private readonly sheet: () => SheetState,
  ) {
    super(fake);
  }
  get items(): FakeChart[] {
    return this.value("items");
  }
  loadNow(paths: string[]): number {
    const sheet = this.sheet();
    const items = sheet.charts.map((chart) => {
      const item = new FakeChart(this.fake, () => {
        if (!sheet.charts.includes(chart)) throw new FakeOfficeError("ItemNotFound", "chart");
        return { chart, sheet };
      });
      item.loadedName = chart.name;
      return item;
    });
    this.loaded.set("items", items);
    for (const path of paths) {
      if (path !== "items/name") throw new FakeOfficeError("InvalidArgument", `charts ${path}`);
    }
    return bytesOf(items.map((item) => item.loadedName));
  }
  /** "If there are multiple charts with the same name, the first one will be returned" (ChartCollection). */
  getItem(name: string): FakeChart {
    return new FakeChart(this.fake, () => {
      const sheet = this.sheet();
      const chart = sheet.charts.find((c) => c.name === name);
      if (!chart) throw new FakeOfficeError("ItemNotFound", `chart ${name}`);
      return { chart, sheet };
    });
  }
  add(type: string, source: FakeRange, seriesBy?: string): FakeChart {
    const made: { chart?: ChartState } = {};
    this.fake.enqueue("charts.add", bytesOf({ type, seriesBy }) + 60, () => {
      const sheet = this.sheet();
      this.fake.writable(sheet);
      if (!CHART_TYPES.has(type)) throw new FakeOfficeError("InvalidArgument", `chart type ${type}`);
      if (seriesBy !== undefined && !["Auto", "Columns", "Rows"].includes(seriesBy))
        throw new FakeOfficeError("InvalidArgument", `seriesBy ${seriesBy}`);
      const area = rangeOnSheet(source, sheet);
      const byRows = seriesBy === "Rows";
      const count = byRows ? area.bottom - area.top + 1 : area.right - area.left + 1;
      const series: ChartSeriesState[] = Array.from({ length: count }, (_, i) => {
        const values = byRows
          ? { ...area, top: area.top + i, bottom: area.top + i }
          : { ...area, left: area.left + i, right: area.left + i };
        return {
          name: `Series${i + 1}`,
          chartType: type,
          values: qualified(sheet.name, values),
          points: byRows ? area.right - area.left + 1 : area.bottom - area.top + 1,
          pointFills: {},
        };
      });
      made.chart = { name: `Chart ${sheet.charts.length + 1}`, type, series, valueAxis: {} };
      sheet.charts.push(made.chart);
    });
    return new FakeChart(this.fake, () => {
      const sheet = this.sheet();
      const chart = made.chart;
      if (!chart || !sheet.charts.includes(chart)) throw new FakeOfficeError("ItemNotFound", "chart");
      return { chart, sheet };
    });
  }
}

type ChartLocator = () => { chart: ChartState; sheet: SheetState };

/** A setter that queues `run` with the value, under the operation `name`. */
function queuedSetter(
  target: object,
  fake: FakeExcel,
  prop: string,
  name: string,
  run: (value: never) => void,
) {
  Object.defineProperty(target, prop, {
    set: (value: never) => fake.enqueue(name, bytesOf({ [prop]: value }), () => run(value)),
    get: () => {
      throw new FakeOfficeError("PropertyNotLoaded", prop);
    },
  });
}

class FakeChart {
  /** The name as a load of the collection's items/name returned it. */
  loadedName?: string;
  readonly title: object = {};
  readonly legend: object = {};
  readonly series: FakeSeriesCollection;
  readonly axes: { valueAxis: object };
  declare name: string;
  constructor(
    private readonly fake: FakeExcel,
    private readonly locate: ChartLocator,
  ) {
    Object.defineProperty(this, "name", {
      set: (name: string) =>
        fake.enqueue("chart.name", bytesOf({ name }), () => {
          locate().chart.name = name;
        }),
      get: () => {
        if (this.loadedName === undefined) throw new FakeOfficeError("PropertyNotLoaded", "name");
        return this.loadedName;
      },
    });
    queuedSetter(
      this.title,
      fake,
      "text",
      "chart.title.text",
      (text: string) => (locate().chart.title = text),
    );
    queuedSetter(this.legend, fake, "position", "chart.legend.position", (position: string) => {
      if (!["Top", "Bottom", "Left", "Right", "Corner", "Custom"].includes(position))
        throw new FakeOfficeError("InvalidArgument", `legend position ${position}`);
      locate().chart.legendPosition = position;
    });
    const valueAxis = {};
    const bound = (prop: "minimum" | "maximum") =>
      queuedSetter(valueAxis, fake, prop, `chart.axes.valueAxis.${prop}`, (value: number) => {
        const axis = locate().chart.valueAxis;
        const next = { ...axis, [prop]: value };
        if (typeof value !== "number") throw new FakeOfficeError("InvalidArgument", `${prop} ${value}`);
        if (next.minimum !== undefined && next.maximum !== undefined && next.minimum >= next.maximum)
          throw new FakeOfficeError("InvalidArgument", "axis minimum not below its maximum");
        axis[prop] = value;
      });
    bound("minimum");
    bound("maximum");
    this.axes = { valueAxis };
    this.series = new FakeSeriesCollection(fake, locate);
  }
  delete(): void {
    this.fake.enqueue("chart.delete", 20, () => {
      const { chart, sheet } = this.locate();
      this.fake.writable(sheet);
      sheet.charts = sheet.charts.filter((c) => c !== chart);
    });
  }
  setPosition(startCell: string, endCell?: string): void {
    this.fake.enqueue("chart.setPosition", bytesOf({ startCell, endCell }), () => {
      const start = parseA1(startCell);
      const end = endCell === undefined ? start : parseA1(endCell);
      if (end.bottom < start.top || end.right < start.left)
        throw new FakeOfficeError("InvalidArgument", `position ${startCell}:${endCell}`);
      this.locate().chart.position = {
        top: start.top,
        left: start.left,
        bottom: end.bottom,
        right: end.right,
      };
    });
  }
}

class FakeSeriesCollection {
  constructor(
    private readonly fake: FakeExcel,
    private readonly locate: ChartLocator,
  ) {}
  getItemAt(index: number): FakeSeries {
    return new FakeSeries(this.fake, () => {
      const { chart, sheet } = this.locate();
      const series = chart.series[index];
      if (!series) throw new FakeOfficeError("ItemNotFound", `series ${index}`);
      return { series, sheet };
    });
  }
  /** Excel's series.add: a series with no values, invisible until they are set. */
  add(name?: string, index?: number): FakeSeries {
    const ref: { series?: ChartSeriesState } = {};
    this.fake.enqueue("chart.series.add", bytesOf({ name, index }), () => {
      const { chart } = this.locate();
      const series: ChartSeriesState = {
        name: checkSeriesName(name ?? `Series${chart.series.length + 1}`),
        chartType: chart.type,
        values: "",
        points: 0,
        pointFills: {},
      };
      if (index !== undefined && (index < 0 || index > chart.series.length))
        throw new FakeOfficeError("InvalidArgument", `series index ${index}`);
      chart.series.splice(index ?? chart.series.length, 0, series);
      ref.series = series;
    });
    return new FakeSeries(this.fake, () => {
      if (!ref.series) throw new FakeOfficeError("ItemNotFound", "series");
      return { series: ref.series, sheet: this.locate().sheet };
    });
  }
}

type SeriesLocator = () => { series: ChartSeriesState; sheet: SheetState };

class FakeSeries {
  readonly format: { fill: { setSolidColor: (c: string) => void }; line: object };
  readonly points: { getItemAt: (i: number) => { format: { fill: { setSolidColor: (c: string) => void } } } };
  declare name: string;
  declare chartType: string;
  declare gapWidth: number;
  declare markerStyle: string;
  constructor(
    private readonly fake: FakeExcel,
    private readonly locate: SeriesLocator,
  ) {
    queuedSetter(
      this,
      fake,
      "name",
      "series.name",
      (name: string) => (locate().series.name = checkSeriesName(name)),
    );
    queuedSetter(this, fake, "chartType", "series.chartType", (type: string) => {
      if (!COMBINABLE.has(type)) throw new FakeOfficeError("InvalidArgument", `series chart type ${type}`);
      locate().series.chartType = type;
    });
    queuedSetter(this, fake, "gapWidth", "series.gapWidth", (width: number) => {
      if (!Number.isInteger(width) || width < 0 || width > 500)
        throw new FakeOfficeError("InvalidArgument", `gap width ${width}`);
      locate().series.gapWidth = width;
    });
    queuedSetter(this, fake, "markerStyle", "series.markerStyle", (style: string) => {
      if (!MARKER_STYLES.has(style)) throw new FakeOfficeError("InvalidArgument", `marker style ${style}`);
      locate().series.markerStyle = style;
    });
    const line = {};
    queuedSetter(line, fake, "color", "series.format.line.color", (colour: string) => {
      locate().series.lineColor = checkColour(colour);
    });
    this.format = {
      fill: {
        setSolidColor: (colour: string) =>
          fake.enqueue("series.format.fill.setSolidColor", bytesOf({ colour }), () => {
            locate().series.fill = checkColour(colour);
          }),
      },
      line,
    };
    this.points = {
      getItemAt: (index: number) => ({
        format: {
          fill: {
            setSolidColor: (colour: string) =>
              fake.enqueue("point.format.fill.setSolidColor", bytesOf({ index, colour }), () => {
                const { series } = locate();
                if (!Number.isInteger(index) || index < 0 || index >= series.points)
                  throw new FakeOfficeError("InvalidArgument", `point ${index} of ${series.points}`);
                series.pointFills[index] = checkColour(colour);
              }),
          },
        },
      }),
    };
  }
  /** Values: one row or one column of this sheet. */
  setValues(source: FakeRange): void {
    this.fake.enqueue("series.setValues", 60, () => {
      const { series, sheet } = this.locate();
      const area = rangeOnSheet(source, sheet);
      if (area.top !== area.bottom && area.left !== area.right)
        throw new FakeOfficeError("InvalidArgument", "series values over more than one row or column");
      series.values = qualified(sheet.name, area);
      series.points = Math.max(area.bottom - area.top, area.right - area.left) + 1;
    });
  }
  setXAxisValues(source: FakeRange): void {
    this.fake.enqueue("series.setXAxisValues", 60, () => {
      const { series, sheet } = this.locate();
      const area = rangeOnSheet(source, sheet);
      if (series.values !== "" && area.bottom - area.top + 1 !== series.points)
        throw new FakeOfficeError("InvalidArgument", "categories and values of different lengths");
      series.xValues = qualified(sheet.name, area);
    });
  }
}
