/** The pane's state and commands: every workbook operation goes through the port it is given. */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { OutputMode } from "../core/plan/formulas";
import type { Problem } from "../core/problems";
import type { RunResult } from "../core/run";
import { columnOfAddress, withColumn, type MappingField } from "./column-mapping";
import { criteriaOf, draftErrors, draftOf, isDirty, settingsOf, type Draft } from "./criteria-draft";
import type { AnalyseOptions, WorkbookPort } from "./port";
import { problemAddress } from "./problem-location";

export type AnalysisState =
  { state: "loading" } | { state: "ready"; result: RunResult } | { state: "failed"; message: string };

export type RunState =
  | { state: "idle" }
  /** `progress` is undefined while the workbook is read and scored, before the writing starts. */
  | { state: "running"; progress?: { done: number; total: number } }
  /** `stale`: the columns or the criteria changed since, so the workbook no longer shows this result. */
  | { state: "done"; result: RunResult; stale: boolean }
  | { state: "failed"; message: string };

export type SectionId = "table" | "criteria" | "score" | "letter";

/** A sentence shown in the section where the user acted (saved, or could not do what was asked). */
export interface Notice {
  section: SectionId;
  intent: "success" | "error" | "info";
  text: string;
}

/** A place the user asked to see where there is no grid to select it in (a file in the page). */
export interface Located {
  sheet: string;
  address?: string;
  /** The problem whose link was followed, highlighted in the list. */
  problem?: Problem;
}

interface DraftState {
  draft: Draft;
  /** The criteria and settings in force that the draft started from. */
  base: Pick<RunResult, "criteria" | "settings">;
}

/** Errors the core, the adapter and the ports raise with a Vietnamese sentence meant for the user. */
const TOLD_ERRORS = new Set(["UnusableInputError", "WriteBlockedError", "WriteFailedError", "PaneError"]);

/** What to tell the user; anything else (Office.js, the browser) is introduced as a workbook error. */
export function messageOf(error: unknown): string {
  const told = error instanceof Error && TOLD_ERRORS.has(error.name);
  const text = error instanceof Error ? error.message : String(error);
  return (told ? text : `Có lỗi khi làm việc với sổ tính: ${text}`).normalize("NFC");
}

export function usePane(port: WorkbookPort) {
  const [options, setOptions] = useState<AnalyseOptions>({});
  // Values by default: a recipient without the add-in sees the numbers (see ShareSection).
  const [output, setOutput] = useState<OutputMode>("values");
  const [analysis, setAnalysis] = useState<AnalysisState>({ state: "loading" });
  const [run, setRun] = useState<RunState>({ state: "idle" });
  const [drafting, setDrafting] = useState<DraftState>();
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const [reading, setReading] = useState(false);
  const [located, setLocated] = useState<Located>();
  // Answers of earlier analyses that arrive after a newer one was asked for are dropped.
  const ticket = useRef(0);

  const showResult = useCallback((result: RunResult, resetDraft: boolean) => {
    setAnalysis({ state: "ready", result });
    const base = { criteria: result.criteria, settings: result.settings };
    setDrafting((current) =>
      !current || resetDraft || !isDirty(current.draft, current.base.criteria, current.base.settings)
        ? { draft: draftOf(result.criteria, result.settings), base }
        : current,
    );
  }, []);

  const analyse = useCallback(
    async (next: AnalyseOptions, resetDraft = false) => {
      const mine = ++ticket.current;
      // A table already shown stays on screen while the workbook is read again.
      setAnalysis((current) => (current.state === "ready" ? current : { state: "loading" }));
      setReading(true);
      try {
        const result = await port.analyse(next);
        if (mine === ticket.current) showResult(result, resetDraft);
      } catch (error) {
        if (mine === ticket.current) setAnalysis({ state: "failed", message: messageOf(error) });
      } finally {
        if (mine === ticket.current) setReading(false);
      }
    },
    [port, showResult],
  );

  const markStale = () =>
    setRun((current) => (current.state === "done" ? { ...current, stale: true } : current));

  const reanalyse = useCallback(
    (next: AnalyseOptions) => {
      setOptions(next);
      setNotice(undefined);
      markStale();
      void analyse(next);
    },
    [analyse],
  );

  useEffect(() => {
    void analyse({});
  }, [analyse]);

  const layout = analysis.state === "ready" ? analysis.result.table.layout : undefined;

  const changeColumn = (field: MappingField, col: number | undefined) => {
    if (!layout) return;
    reanalyse({ sheet: layout.sheet, mapping: withColumn(layout, field, col) });
  };

  const failIn = (section: SectionId) => (error: unknown) =>
    setNotice({ section, intent: "error", text: messageOf(error) });

  const pickFromSelection = async (field: MappingField, label: string) => {
    if (!layout || !port.getSelection) return;
    try {
      const selection = await port.getSelection();
      if (selection.sheet !== layout.sheet) {
        setNotice({
          section: "table",
          intent: "error",
          text: `Vùng đang chọn ở trang “${selection.sheet}”, không phải trang của bảng đơn vị (“${layout.sheet}”). Hãy chọn một ô trong cột “${label}” của bảng, hoặc bấm “Dùng trang đang chọn” nếu bảng đơn vị nằm ở trang kia.`,
        });
        return;
      }
      const col = columnOfAddress(selection.address);
      if (col === undefined) {
        setNotice({
          section: "table",
          intent: "error",
          text: `Vùng đang chọn (${selection.address}) là cả dòng: hãy chọn một ô hoặc một cột của “${label}”.`,
        });
        return;
      }
      changeColumn(field, col);
    } catch (error) {
      failIn("table")(error);
    }
  };

  const pickSelectedSheet = async () => {
    if (!port.getSelection) return;
    try {
      const selection = await port.getSelection();
      reanalyse({ sheet: selection.sheet });
    } catch (error) {
      failIn("table")(error);
    }
  };

  const score = async () => {
    setNotice(undefined);
    setLocated(undefined);
    setRun({ state: "running" });
    // A scoring run reads the workbook afresh: any analysis still on its way is out of date.
    ticket.current++;
    setReading(false);
    try {
      const result = await port.score({ ...options, output }, (done, total) =>
        setRun({ state: "running", progress: { done, total } }),
      );
      setRun({ state: "done", result, stale: false });
      showResult(result, false);
    } catch (error) {
      setRun({ state: "failed", message: messageOf(error) });
    }
  };

  const draft = drafting?.draft;
  const errors = useMemo(() => (draft ? draftErrors(draft) : []), [draft]);
  const dirty = drafting ? isDirty(drafting.draft, drafting.base.criteria, drafting.base.settings) : false;

  const setDraft = (next: Draft) =>
    setDrafting((current) => (current ? { ...current, draft: next } : current));

  /** Writes the "Tiêu chí" sheet; true when it was written. */
  const saveDraft = async (section: SectionId): Promise<boolean> => {
    if (!draft || errors.length > 0) return false;
    setSaving(true);
    setNotice(undefined);
    try {
      await port.writeCriteria(criteriaOf(draft), settingsOf(draft));
      markStale();
      await analyse(options, true);
      setNotice({
        section,
        intent: "success",
        text: "Đã lưu vào trang “Tiêu chí”. Bấm “Tính điểm” để ghi lại kết quả theo bản đã lưu.",
      });
      return true;
    } catch (error) {
      failIn(section)(error);
      return false;
    } finally {
      setSaving(false);
    }
  };

  const saveAndScore = async () => {
    if (await saveDraft("score")) await score();
  };

  /** Selects the place in Excel; without a grid on screen, says where it is. */
  const show = (place: Located) => {
    if (port.selectCell) port.selectCell(place.sheet, place.address).catch(failIn("score"));
    else setLocated(place);
  };

  const selectProblem = (problem: Problem) =>
    show({ sheet: problem.sheet, address: problemAddress(problem), problem });

  const selectUnitRow = (sheet: string, address: string) => show({ sheet, address });

  const latestResult = analysis.state === "ready" ? analysis.result : undefined;
  const downloadLetter = port.downloadLetter
    ? async () => {
        if (!latestResult || !port.downloadLetter) return;
        try {
          await port.downloadLetter(latestResult);
        } catch (error) {
          failIn("letter")(error);
        }
      }
    : undefined;

  useEffect(() => {
    if (!port.onScoredElsewhere) return undefined;
    return port.onScoredElsewhere(({ summary, failed }) => {
      setNotice({ section: "score", intent: failed ? "error" : "info", text: summary });
      markStale();
      void analyse(options);
    });
  }, [port, analyse, options]);

  return {
    analysis,
    run,
    draft,
    errors,
    dirty,
    saving,
    notice,
    reading,
    output,
    setOutput,
    refresh: () => {
      setNotice(undefined);
      void analyse(options);
    },
    changeColumn,
    chooseSheet: (sheet: string) => reanalyse({ sheet }),
    pickFromSelection,
    pickSelectedSheet,
    score,
    setDraft,
    saveDraft,
    saveAndScore,
    selectProblem,
    selectUnitRow,
    located,
    downloadLetter,
  };
}

export type Pane = ReturnType<typeof usePane>;
