/**
 * The pane's commands: each runs the port it is given and dispatches what happened to the reducer of
 * pane-state.ts, where every change of state is decided.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { OutputMode } from "../core/plan/formulas";
import type { Problem } from "../core/problems";
import type { Preference } from "../core/sources/join";
import type { Source } from "../core/sources/types";
import { columnOfAddress, withColumn, type MappingField } from "./column-mapping";
import { criteriaOf, draftErrors, settingsOf, type Draft } from "./criteria-draft";
import {
  initialPaneState,
  isDraftDirty,
  isReading,
  messageOf,
  paneReducer,
  type Located,
  type Notice,
  type SectionId,
} from "./pane-state";
import type { AnalyseOptions, AssessmentOptions, WorkbookPort } from "./port";
import { problemAddress } from "./problem-location";

/** The options of an analysis or run with the sources in force, if any. */
function withSources(
  options: AnalyseOptions,
  current: { files: Source[]; prefer: Preference },
): AnalyseOptions {
  return current.files.length > 0 ? { ...options, sources: current.files, prefer: current.prefer } : options;
}

const noInputs = (options: AnalyseOptions) => options;

/**
 * `withInputs` adds what other hooks hold in force (last year's workbook) to every analysis and run,
 * read when each starts; it must keep its identity between renders.
 */
export function usePane(
  port: WorkbookPort,
  withInputs: (options: AnalyseOptions) => AnalyseOptions = noInputs,
) {
  const [state, dispatch] = useReducer(paneReducer, initialPaneState);
  // Each analysis gets an id; the reducer keeps only the answer of the latest.
  const lastId = useRef(0);
  // The sources in force, read by every analysis and run whatever sheet or columns they are given.
  const sources = useRef<{ files: Source[]; prefer: Preference }>(initialPaneState.sources);
  // The year and preset chosen (state.assessment), read by analyses already under way.
  const assessment = useRef<AssessmentOptions>({});

  const analyse = useCallback(
    async (options: AnalyseOptions, resetDraft = false) => {
      const id = ++lastId.current;
      dispatch({ type: "analysisStarted", id });
      try {
        const result = await port.analyse(
          withInputs({ ...withSources(options, sources.current), ...assessment.current }),
        );
        dispatch({ type: "analysisAnswered", id, result, resetDraft });
      } catch (error) {
        dispatch({ type: "analysisFailed", id, message: messageOf(error) });
      }
    },
    [port, withInputs],
  );

  const { options, output, analysis, drafting } = state;

  // The workbook is read when the pane is on screen, and read again when it comes back after the ribbon
  // scored it: the hidden runtime (custom functions, a ribbon click) never reads it for nothing.
  const [visible, setVisible] = useState(() => port.visibility?.now() ?? true);
  const [unread, setUnread] = useState(true);
  useEffect(() => port.visibility?.watch(setVisible), [port]);
  useEffect(() => {
    if (!visible || !unread) return;
    setUnread(false);
    void analyse(options);
  }, [visible, unread, analyse, options]);
  const layout = analysis.state === "ready" ? analysis.result.table.layout : undefined;

  const reanalyse = (next: AnalyseOptions) => {
    dispatch({ type: "optionsChosen", options: next });
    void analyse(next);
  };
  const tell = (section: SectionId, intent: "error" | "success", text: string) =>
    dispatch({ type: "noticeShown", notice: { section, intent, text } });
  const failIn = (section: SectionId) => (error: unknown) => tell(section, "error", messageOf(error));

  const changeColumn = (field: MappingField, col: number | undefined) => {
    if (layout) reanalyse({ sheet: layout.sheet, mapping: withColumn(layout, field, col) });
  };

  const pickFromSelection = async (field: MappingField, label: string) => {
    if (!layout || !port.getSelection) return;
    try {
      const selection = await port.getSelection();
      if (selection.sheet !== layout.sheet) {
        tell(
          "table",
          "error",
          `Vùng đang chọn ở trang “${selection.sheet}”, không phải trang của bảng đơn vị (“${layout.sheet}”). Hãy chọn một ô trong cột “${label}” của bảng, hoặc bấm “Dùng trang đang chọn” nếu bảng đơn vị nằm ở trang kia.`,
        );
        return;
      }
      const col = columnOfAddress(selection.address);
      if (col === undefined) {
        tell(
          "table",
          "error",
          `Vùng đang chọn (${selection.address}) là cả dòng: hãy chọn một ô hoặc một cột của “${label}”.`,
        );
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
      reanalyse({ sheet: (await port.getSelection()).sheet });
    } catch (error) {
      failIn("table")(error);
    }
  };

  const score = async () => {
    dispatch({ type: "runStarted" });
    try {
      const result = await port.score(
        {
          ...withInputs({ ...withSources(options, sources.current), ...state.assessment }),
          // Never formulas where Excel has no custom functions: every cell would show #NAME?.
          output: port.formulasUnavailable ? "values" : output,
        },
        (done, total) => dispatch({ type: "runProgressed", done, total }),
      );
      dispatch({ type: "runAnswered", result });
    } catch (error) {
      dispatch({ type: "runFailed", message: messageOf(error) });
    }
  };

  /** Puts the sources in force and reads the workbook again with them. */
  const applySources = (files: Source[], prefer: Preference, notice?: Notice) => {
    sources.current = { files, prefer };
    dispatch({ type: "sourcesChanged", files, prefer, notice });
    void analyse(options);
  };

  /** Reads the files the user opened; one that cannot be used is named and the others are kept. */
  const addSourceFiles = async (files: File[]) => {
    if (files.length === 0) return;
    dispatch({ type: "sourcesReading", names: files.map((f) => f.name.normalize("NFC")) });
    const read = [...sources.current.files];
    const refused: string[] = [];
    for (const file of files) {
      const name = file.name.normalize("NFC");
      try {
        const source = await port.readSource(name, new Uint8Array(await file.arrayBuffer()));
        const same = read.findIndex((s) => s.file === name);
        if (same >= 0) read[same] = source;
        else read.push(source);
      } catch (error) {
        refused.push(messageOf(error));
      }
    }
    applySources(
      read,
      sources.current.prefer,
      refused.length > 0 ? { section: "sources", intent: "error", text: refused.join("\n") } : undefined,
    );
  };

  const draft = drafting?.draft;
  const errors = useMemo(() => (draft ? draftErrors(draft) : []), [draft]);

  /** Writes the "Tiêu chí" sheet; true when it was written. */
  const saveDraft = async (section: SectionId): Promise<boolean> => {
    if (!draft || errors.length > 0) return false;
    dispatch({ type: "saveStarted" });
    try {
      await port.writeCriteria(criteriaOf(draft), settingsOf(draft));
      dispatch({ type: "criteriaWritten" });
      await analyse(options, true);
      dispatch({
        type: "saveEnded",
        notice: {
          section,
          intent: "success",
          text: "Đã lưu vào trang “Tiêu chí”. Bấm “Tính điểm” để ghi lại kết quả theo bản đã lưu.",
        },
      });
      return true;
    } catch (error) {
      dispatch({ type: "saveEnded", notice: { section, intent: "error", text: messageOf(error) } });
      return false;
    }
  };

  /** Selects the place in Excel; without a grid on screen, says where it is. */
  const show = (place: Located) => {
    if (port.selectCell) port.selectCell(place.sheet, place.address).catch(failIn("score"));
    else dispatch({ type: "located", place });
  };

  const latestResult = analysis.state === "ready" ? analysis.result : undefined;
  const downloadLetter = port.downloadLetter
    ? async () => {
        if (!latestResult || !port.downloadLetter) return;
        await port.downloadLetter(latestResult).catch(failIn("letter"));
      }
    : undefined;

  const showLetterSheet = port.showLetterSheet
    ? async () => {
        if (!latestResult || !port.showLetterSheet) return;
        await port.showLetterSheet(latestResult).catch(failIn("letter"));
      }
    : undefined;

  useEffect(() => {
    if (!port.onScoredElsewhere) return undefined;
    return port.onScoredElsewhere(({ summary, failed }) => {
      dispatch({ type: "scoredElsewhere", summary, failed });
      setUnread(true);
    });
  }, [port]);

  return {
    state,
    /** The draft's mistakes, in Vietnamese; saving waits until there are none. */
    errors,
    dirty: isDraftDirty(state),
    reading: isReading(state),
    commands: {
      setOutput: (next: OutputMode) => dispatch({ type: "outputChosen", output: next }),
      refresh: () => {
        dispatch({ type: "noticeShown", notice: undefined });
        void analyse(options);
      },
      changeColumn,
      chooseSheet: (sheet: string) => reanalyse({ sheet }),
      changeAssessment: (next: AssessmentOptions) => {
        assessment.current = next;
        dispatch({ type: "assessmentChosen", assessment: next });
        void analyse(options);
      },
      pickFromSelection,
      pickSelectedSheet,
      score,
      setDraft: (next: Draft) => dispatch({ type: "draftEdited", draft: next }),
      saveDraft,
      saveAndScore: async () => {
        if (await saveDraft("score")) await score();
      },
      selectProblem: (problem: Problem) =>
        show({ sheet: problem.sheet, address: problemAddress(problem), problem }),
      selectUnitRow: (sheet: string, address: string) => show({ sheet, address }),
      downloadLetter,
      showLetterSheet,
      addSourceFiles,
      removeSource: (file: string) =>
        applySources(
          sources.current.files.filter((s) => s.file !== file),
          sources.current.prefer,
        ),
      setPrefer: (prefer: Preference) => applySources(sources.current.files, prefer),
    },
  };
}
