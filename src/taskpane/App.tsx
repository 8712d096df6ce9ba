/** The task pane: one page of collapsible sections over a workbook port (Excel's, or a file's in the page). */
import { Accordion, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { WorkbookPort } from "./port";
import { CriteriaSection } from "./sections/CriteriaSection";
import { LetterSection } from "./sections/LetterSection";
import { ScoreSection } from "./sections/ScoreSection";
import { Section } from "./sections/Section";
import { ShareSection } from "./sections/ShareSection";
import { TableSection } from "./sections/TableSection";
import { usePane } from "./use-pane";
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

/** Sections open when the pane starts: what the core found, and the command to score. */
const OPEN_AT_START = ["table", "score"];

export interface AppProps {
  port: WorkbookPort;
  /** Shown under the title: the web app's opened file and its "Mở tệp khác". */
  fileBar?: ReactNode;
}

export function App({ port, fileBar }: AppProps) {
  const styles = useStyles();
  const pane = usePane(port);
  const result = pane.analysis.state === "ready" ? pane.analysis.result : undefined;
  const running = pane.run.state === "running";
  const { file } = port;
  return (
    <main className={styles.root}>
      <PaneHeader />
      {fileBar}
      <Accordion multiple collapsible defaultOpenItems={OPEN_AT_START}>
        <Section value="table" title="Bảng đơn vị">
          <TableSection
            analysis={pane.analysis}
            reading={pane.reading}
            notice={pane.notice}
            onChangeColumn={pane.changeColumn}
            selection={
              port.getSelection && {
                onPickColumn: pane.pickFromSelection,
                onPickSheet: pane.pickSelectedSheet,
              }
            }
            // A file in the page cannot change under the pane: nothing to read again.
            onRefresh={file ? undefined : pane.refresh}
            sheets={file && { names: file.sheetNames(), onChoose: pane.chooseSheet }}
          />
        </Section>
        <Section value="score" title="Kết quả tính điểm">
          <ScoreSection
            run={pane.run}
            unsaved={pane.dirty}
            canSave={pane.errors.length === 0 && !pane.saving}
            notice={pane.notice}
            onScore={pane.score}
            onSaveAndScore={pane.saveAndScore}
            onSelectProblem={pane.selectProblem}
            onSelectCell={port.selectCell && pane.selectUnitRow}
            located={pane.located}
            onDownload={file?.download}
          />
        </Section>
        <Section value="criteria" title="Tiêu chí">
          <CriteriaSection
            draft={pane.draft}
            source={result?.criteriaSource}
            errors={pane.errors}
            dirty={pane.dirty}
            saving={pane.saving}
            notice={pane.notice}
            onChange={pane.setDraft}
            onSave={() => void pane.saveDraft("criteria")}
          />
        </Section>
        <Section value="letter" title="Công văn">
          <LetterSection
            draft={pane.draft}
            errors={pane.errors}
            dirty={pane.dirty}
            saving={pane.saving}
            running={running}
            notice={pane.notice}
            onChange={pane.setDraft}
            onSave={() => void pane.saveDraft("letter")}
            onCreateSummary={pane.score}
            onDownload={pane.downloadLetter && result ? pane.downloadLetter : undefined}
          />
        </Section>
        <Section value="share" title="Giá trị để chia sẻ">
          <ShareSection
            formulas={pane.output === "formulas"}
            disabled={running}
            inExcel={!file}
            onChange={(formulas) => pane.setOutput(formulas ? "formulas" : "values")}
          />
        </Section>
      </Accordion>
    </main>
  );
}
