/** "Bảng đơn vị": the unit table the core found and the columns it reads, each of which the user may change. */
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { ArrowClockwise20Regular, ChevronDown20Regular, ChevronRight20Regular } from "@fluentui/react-icons";
import { Fragment, useId, useState } from "react";
import { rangeAddress } from "../../core/grid";
import type { RunResult } from "../../core/run";
import { MAPPING_FIELDS, type MappingField } from "../column-mapping";
import type { AnalysisState, Notice } from "../pane-state";
import { ColumnPicker } from "./ColumnPicker";
import { SectionNotice } from "./SectionNotice";
import { SheetPicker } from "./SheetPicker";

const useStyles = makeStyles({
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  pickers: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  disclosure: { alignSelf: "flex-start", paddingLeft: 0, fontWeight: tokens.fontWeightSemibold },
});

const MAPPING_HELP_EXCEL =
  "Phần bổ trợ tự nhận ra các cột. Nếu nhận sai, hãy chọn lại cột, hoặc chọn một ô của cột đúng trong bảng rồi bấm nút chọn vùng bên cạnh. Cách đọc cột được lưu vào sổ tính khi tính điểm.";
const MAPPING_HELP_FILE =
  "Các cột được tự nhận ra. Nếu nhận sai, hãy chọn lại cột. Cách đọc cột được lưu vào tệp khi tính điểm.";

interface TableSectionProps {
  analysis: AnalysisState;
  reading: boolean;
  notice: Notice | undefined;
  onChangeColumn: (field: MappingField, col: number | undefined) => void;
  /** The commands that read Excel's selection; absent where there is none (a file in the page). */
  selection?: {
    onPickColumn: (field: MappingField, label: string) => void;
    onPickSheet: () => void;
  };
  /** Reads the workbook again, which the user may have edited in Excel; absent for a file in the page. */
  onRefresh?: () => void;
  /** The sheets to pick the table's sheet from, where no sheet can be selected (a file in the page). */
  sheets?: { names: string[]; onChoose: (sheet: string) => void };
}

/** The rows and columns the table spans, as Excel names them: "A5:G43". */
function tableRange(result: RunResult): string {
  const { layout, lastRow } = result.table;
  const { columns } = layout;
  const used = [
    columns.stt,
    columns.name,
    columns.group,
    columns.score766,
    ...columns.rates.map((r) => r.col),
  ];
  const left = Math.min(...used.filter((c): c is number => c !== undefined));
  return rangeAddress({ top: layout.headerTop, left, bottom: lastRow, right: layout.lastColumn });
}

function TableFacts({ result }: { result: RunResult }) {
  const styles = useStyles();
  const { layout } = result.table;
  const headerRows =
    layout.headerTop === layout.headerBottom
      ? `${layout.headerTop + 1}`
      : `${layout.headerTop + 1}–${layout.headerBottom + 1}`;
  const { parts } = result;
  // A portal export's unit sheets ("Sở Ban", "Xã Phường") are read and scored as one list: said before
  // "Tính điểm", sheet by sheet, so that no count changes without a word.
  const facts: [string, string][] =
    parts.length > 1
      ? [
          ["Trang", parts.map((p) => p.layout.sheet).join(", ")],
          ...parts.map((p): [string, string] => [`Trang “${p.layout.sheet}”`, `${p.units.length} đơn vị`]),
          ["Số đơn vị", `${parts.reduce((n, p) => n + p.units.length, 0)} đơn vị, tính chung`],
        ]
      : [
          ["Trang", layout.sheet],
          ["Vùng bảng", tableRange(result)],
          ["Dòng tiêu đề", headerRows],
          ["Số đơn vị", `${result.table.units.length} đơn vị`],
        ];
  return (
    <dl className={styles.facts} aria-label="Bảng đơn vị tìm thấy">
      {facts.map(([term, value]) => (
        <Fragment key={term}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** The column pickers, folded by default: most tables are read right and the pane stays short. */
function ColumnMapping(props: TableSectionProps & { result: RunResult }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <>
      <Button
        appearance="transparent"
        className={styles.disclosure}
        icon={open ? <ChevronDown20Regular /> : <ChevronRight20Regular />}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
      >
        Cột dữ liệu
      </Button>
      {open && (
        <div id={panelId} className={styles.pickers}>
          <Caption1>{props.selection ? MAPPING_HELP_EXCEL : MAPPING_HELP_FILE}</Caption1>
          {MAPPING_FIELDS.map((spec) => (
            <ColumnPicker
              key={spec.field}
              spec={spec}
              layout={props.result.table.layout}
              disabled={props.reading}
              onChange={(col) => props.onChangeColumn(spec.field, col)}
              onPickFromSelection={
                props.selection && (() => props.selection?.onPickColumn(spec.field, spec.label))
              }
            />
          ))}
        </div>
      )}
    </>
  );
}

export function TableSection(props: TableSectionProps) {
  const styles = useStyles();
  const { analysis, selection, sheets } = props;
  const refresh = props.onRefresh && (
    <Button
      size="small"
      icon={<ArrowClockwise20Regular />}
      onClick={props.onRefresh}
      disabled={props.reading}
    >
      Đọc lại sổ tính
    </Button>
  );
  const sheetPicker = (current: string | undefined) =>
    sheets && (
      <SheetPicker
        sheets={sheets.names}
        current={current}
        disabled={props.reading}
        onChoose={sheets.onChoose}
      />
    );
  if (analysis.state === "loading") return <Spinner size="small" label="Đang đọc sổ tính…" />;
  if (analysis.state === "failed") {
    return (
      <>
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Chưa tìm được bảng đơn vị</MessageBarTitle>
            {analysis.message}
          </MessageBarBody>
          {(selection || refresh) && (
            <MessageBarActions>
              {selection && <Button onClick={selection.onPickSheet}>Dùng trang đang chọn</Button>}
              {refresh}
            </MessageBarActions>
          )}
        </MessageBar>
        {sheetPicker(undefined)}
        <SectionNotice notice={props.notice} section="table" />
      </>
    );
  }
  const { result } = analysis;
  return (
    <>
      <TableFacts result={result} />
      <SectionNotice notice={props.notice} section="table" />
      {/* A workbook of one sheet has nothing to choose. */}
      {sheets && sheets.names.length > 1 && sheetPicker(result.table.layout.sheet)}
      <ColumnMapping {...props} result={result} />
      {(refresh || selection || props.reading) && (
        <div className={styles.actions}>
          {refresh}
          {selection && (
            <Button size="small" onClick={selection.onPickSheet} disabled={props.reading}>
              Dùng trang đang chọn
            </Button>
          )}
          {props.reading && <Spinner size="extra-small" label="Đang đọc…" />}
        </div>
      )}
    </>
  );
}
