/** The task pane: one page of collapsible sections over a workbook port (Excel's, or a file's in the page). */
import { Accordion, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState, type ReactNode } from "react";
import type { RunResult } from "../core/run";
import type { FileAccess, WorkbookPort } from "./port";
import { AssessmentSection } from "./sections/AssessmentSection";
import { CompareSection } from "./sections/CompareSection";
import { CriteriaSection } from "./sections/CriteriaSection";
import type { LetterAction } from "./sections/LetterButton";
import { LetterSection } from "./sections/LetterSection";
import { ResultsSection } from "./sections/ResultsSection";
import { ScoreSection } from "./sections/ScoreSection";
import { Section } from "./sections/Section";
import { ShareSection } from "./sections/ShareSection";
import { SourcesSection } from "./sections/SourcesSection";
import { TableSection } from "./sections/TableSection";
import { criteriaSourceOf, type AnalysisState } from "./pane-state";
import { usePane } from "./use-pane";
import { useLeaveWarning } from "./use-leave-warning";
import { usePreviousYear } from "./use-previous-year";
import { PaneHeader } from "./PaneHeader";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
});

/**
 * Why a file in the page cannot be scored yet: it cannot change under the pane, so until its table is
 * read a run would only fail the same way. (Excel's workbook can be fixed while the pane is open.)
 */
function scoreBlocked(analysis: AnalysisState, file: FileAccess | undefined): string | undefined {
  if (!file || analysis.state === "ready") return undefined;
  return analysis.state === "loading"
    ? "Đang đọc tệp…"
    : "Chưa tính điểm được: tệp đang mở không có bảng đơn vị đọc được (xem mục “Bảng đơn vị”). Hãy mở tệp khác, hoặc sửa tệp bằng Excel rồi mở lại.";
}

/** Sections open when the pane starts: what the core found, and the command to score. */
const OPEN_AT_START = ["table", "score"];

interface AppProps {
  port: WorkbookPort;
  /** Shown under the title: the web app's opened file and its "Mở tệp khác". */
  fileBar?: ReactNode;
  /** Told of each new result: the page clears what no longer applies (a refusal of another file). */
  onScored?: () => void;
}

export function App({ port, fileBar, onScored }: AppProps) {
  const styles = useStyles();
  const compare = usePreviousYear();
  const { state, errors, dirty, reading, commands: act } = usePane(port, compare.withPrevious);
  const { analysis, run, notice, saving, located, output } = state;
  const draft = state.drafting?.draft;
  const result = analysis.state === "ready" ? analysis.result : undefined;
  const criteriaSource = criteriaSourceOf(state);
  const running = run.state === "running";
  const { file } = port;
  const scored = run.state === "done" ? run.result : undefined;
  useEffect(() => {
    if (scored) onScored?.();
  }, [scored, onScored]);
  // A file scored in the page exists only in this tab until it is downloaded.
  const [downloaded, setDownloaded] = useState<RunResult>();
  useLeaveWarning(Boolean(file && scored && scored !== downloaded));
  const download =
    file &&
    (() => {
      file.download();
      setDownloaded(scored);
    });
  // The letter once the workbook is read: beside the scored file, and in "Công văn".
  const letter: LetterAction | undefined =
    act.downloadLetter && result
      ? {
          delivery: port.letterDelivery ?? "file",
          run: act.downloadLetter,
          inSheet: port.letterDelivery === "file" ? act.showLetterSheet : undefined,
        }
      : undefined;
  return (
    <main className={styles.root}>
      <PaneHeader />
      {fileBar}
      <Accordion multiple collapsible defaultOpenItems={OPEN_AT_START}>
        <Section value="table" title="Bảng đơn vị">
          <TableSection
            analysis={analysis}
            reading={reading}
            notice={notice}
            onChangeColumn={act.changeColumn}
            selection={
              port.getSelection && {
                onPickColumn: act.pickFromSelection,
                onPickSheet: act.pickSelectedSheet,
              }
            }
            // A file in the page cannot change under the pane: nothing to read again.
            onRefresh={file ? undefined : act.refresh}
            sheets={file && { names: file.sheetNames(), onChoose: act.chooseSheet }}
          />
        </Section>
        <Section value="assessment" title="Năm thi đua và mẫu">
          <AssessmentSection
            result={result}
            value={state.assessment}
            disabled={running}
            onChange={act.changeAssessment}
          />
        </Section>
        <Section value="sources" title="Nguồn số liệu">
          <SourcesSection
            sources={state.sources}
            result={result}
            notice={notice}
            disabled={running}
            onAdd={(files) => void act.addSourceFiles(files)}
            onRemove={act.removeSource}
            onPrefer={act.setPrefer}
          />
        </Section>
        <Section value="compare" title="So sánh với năm trước">
          <CompareSection control={compare} result={result} disabled={running} onChange={act.refresh} />
        </Section>
        <Section value="score" title="Kết quả tính điểm">
          <ScoreSection
            run={run}
            blocked={scoreBlocked(analysis, file)}
            unsaved={dirty}
            canSave={errors.length === 0 && !saving}
            notice={notice}
            onScore={act.score}
            onSaveAndScore={act.saveAndScore}
            onSelectProblem={act.selectProblem}
            onSelectCell={port.selectCell && act.selectUnitRow}
            located={located}
            onDownload={download}
            letter={letter}
          />
        </Section>
        <Section value="results" title="Phân bố và biểu đồ điểm 766">
          <ResultsSection result={result} />
        </Section>
        <Section value="criteria" title="Tiêu chí">
          <CriteriaSection
            draft={draft}
            source={criteriaSource}
            errors={errors}
            dirty={dirty}
            saving={saving}
            notice={notice}
            onChange={act.setDraft}
            onSave={() => void act.saveDraft("criteria")}
          />
        </Section>
        <Section value="letter" title="Công văn">
          <LetterSection
            draft={draft}
            errors={errors}
            dirty={dirty}
            saving={saving}
            running={running}
            notice={notice}
            onChange={act.setDraft}
            onSave={() => void act.saveDraft("letter")}
            onCreateSummary={act.score}
            letter={letter}
          />
        </Section>
        <Section value="share" title="Giá trị để chia sẻ">
          <ShareSection
            formulas={output === "formulas"}
            unavailable={port.formulasUnavailable}
            disabled={running}
            inExcel={!file}
            onChange={(formulas) => act.setOutput(formulas ? "formulas" : "values")}
          />
        </Section>
      </Accordion>
    </main>
  );
}
