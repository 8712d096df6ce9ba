/** "Tính điểm": the primary command, its progress, and the result with the problems found. */
import {
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownload20Regular, Calculator20Regular } from "@fluentui/react-icons";
import type { Problem } from "../../core/problems";
import { unsureSentence } from "../../core/report";
import type { RunResult } from "../../core/run";
import { placeText } from "../problem-location";
import { useFocusHere } from "../use-focus-here";
import type { Located, Notice, RunState } from "../pane-state";
import { AllUnits } from "./AllUnits";
import { LetterButton, type LetterAction } from "./LetterButton";
import { ProblemList } from "./ProblemList";
import { ProposedUnits } from "./ProposedUnits";
import { SectionNotice } from "./SectionNotice";

const useStyles = makeStyles({
  primary: { alignSelf: "flex-start" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  result: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // Focused by the page, not by the user: no ring around a sentence.
  summary: { margin: 0, outlineStyle: "none" },
});

interface ScoreSectionProps {
  run: RunState;
  /**
   * Why "Tính điểm" cannot run, when it cannot: a file in the page whose table could not be read (the
   * file cannot change under the pane, so a run would fail the same way). Excel's workbook can be fixed
   * while the pane is open, and a run reads it afresh: there the button stays.
   */
  blocked?: string;
  /** The criteria or the letter settings were edited and not saved. */
  unsaved: boolean;
  canSave: boolean;
  notice: Notice | undefined;
  onScore: () => void;
  onSaveAndScore: () => void;
  onSelectProblem: (problem: Problem) => void;
  /** Selects a proposed unit's row in Excel; absent where there is no grid (a file in the page). */
  onSelectCell?: (sheet: string, address: string) => void;
  /** The place last asked for where there is no grid to select it in. */
  located?: Located;
  /** Saves the scored file: present for a file opened in the page. */
  onDownload?: () => void;
  /** The letter of the result, beside the scored file: what the user came for. */
  letter?: LetterAction;
}

const CAPTION_EXCEL =
  "Ghi điểm vào các cột bên phải bảng đơn vị, tô màu các đơn vị được đề xuất và cập nhật trang “Tổng hợp” (có dự thảo công văn). Số liệu của bảng không bị thay đổi.";
const CAPTION_FILE =
  "Ghi điểm vào các cột bên phải bảng đơn vị, tô màu các đơn vị được đề xuất và thêm trang “Tổng hợp” (có dự thảo công văn), trên bản sao của tệp trong trình duyệt này. Tệp gốc trên máy không bị thay đổi: bấm “Tải về tệp đã tính điểm” để lưu kết quả.";

function Progress({ progress }: { progress?: { done: number; total: number } }) {
  const label = progress
    ? `Đang ghi kết quả vào sổ tính: ${progress.done}/${progress.total}`
    : "Đang đọc sổ tính và tính điểm…";
  return (
    <Field label={label}>
      {/* Without a value the bar moves on its own: the reading has no steps to count. */}
      <ProgressBar
        aria-label="Tiến độ tính điểm"
        value={progress ? progress.done / Math.max(progress.total, 1) : undefined}
      />
    </Field>
  );
}

function RunFailed({ message }: { message: string }) {
  const here = useFocusHere<HTMLDivElement>(message);
  return (
    <MessageBar intent="error" layout="multiline" ref={here} tabIndex={-1}>
      <MessageBarBody>
        <MessageBarTitle>Không tính được điểm</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}

const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);

function Result({
  result,
  stale,
  onSelectProblem,
  onSelectCell,
  located,
  onDownload,
  letter,
}: {
  result: RunResult;
  stale: boolean;
} & Pick<ScoreSectionProps, "onSelectProblem" | "onSelectCell" | "located" | "onDownload" | "letter">) {
  const styles = useStyles();
  // Each new result takes the focus from the button the run disabled.
  const summary = useFocusHere<HTMLElement>(result);
  const proposed = result.scores.filter((s) => s.eligible);
  const { layout } = result.table;
  return (
    <div className={styles.result}>
      {stale && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            Kết quả dưới đây là của lần tính trước khi đổi cột hoặc tiêu chí. Bấm “Tính điểm” để cập nhật sổ
            tính.
          </MessageBarBody>
        </MessageBar>
      )}
      {result.letter.draftMark && (
        <MessageBar intent="error" layout="multiline" data-unsure="">
          <MessageBarBody>
            <MessageBarTitle>{result.letter.draftMark}</MessageBarTitle>
            {upperFirst(unsureSentence(result))}
          </MessageBarBody>
        </MessageBar>
      )}
      <Text as="p" role="status" ref={summary} tabIndex={-1} className={styles.summary}>
        Đã tính điểm {result.scores.length} đơn vị.{" "}
        {proposed.length > 0
          ? `Đề xuất khen thưởng ${proposed.length} đơn vị:`
          : "Không có đơn vị đủ điều kiện đề xuất khen thưởng."}
      </Text>
      {(onDownload || letter) && (
        <div className={styles.actions}>
          {onDownload && (
            <Button appearance="primary" icon={<ArrowDownload20Regular />} onClick={onDownload}>
              Tải về tệp đã tính điểm
            </Button>
          )}
          {letter && <LetterButton action={letter} />}
        </div>
      )}
      {/* What needs looking at before the list it may change. */}
      <ProblemList
        problems={result.problems}
        tableSheet={layout.sheet}
        onSelect={onSelectProblem}
        located={located?.problem}
      />
      {proposed.length > 0 && (
        <ProposedUnits
          sheet={layout.sheet}
          nameColumn={layout.columns.name}
          units={proposed}
          onSelect={onSelectCell}
        />
      )}
      <AllUnits result={result} />
      {located && !located.problem && (
        <Caption1 role="status">{placeText(located.sheet, located.address)}</Caption1>
      )}
    </div>
  );
}

export function ScoreSection(props: ScoreSectionProps) {
  const styles = useStyles();
  const { run } = props;
  const running = run.state === "running";
  return (
    <>
      <Button
        appearance="primary"
        size="large"
        className={styles.primary}
        icon={<Calculator20Regular />}
        disabled={running || props.blocked !== undefined}
        onClick={props.onScore}
      >
        Tính điểm
      </Button>
      {props.blocked && <Caption1>{props.blocked}</Caption1>}
      <Caption1>{props.onDownload ? CAPTION_FILE : CAPTION_EXCEL}</Caption1>
      {props.unsaved && !running && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Có thay đổi chưa lưu</MessageBarTitle>
            Tiêu chí hoặc cài đặt công văn đã sửa nhưng chưa lưu vào trang “Tiêu chí”: “Tính điểm” dùng bản
            đang lưu trong sổ tính.
          </MessageBarBody>
          <MessageBarActions>
            <Button disabled={!props.canSave} onClick={props.onSaveAndScore}>
              Lưu rồi tính điểm
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <SectionNotice notice={props.notice} section="score" />
      {running && <Progress progress={run.progress} />}
      {run.state === "failed" && <RunFailed message={run.message} />}
      {run.state === "idle" && <Caption1>Chưa tính điểm trong phiên làm việc này.</Caption1>}
      {run.state === "done" && (
        <Result
          result={run.result}
          stale={run.stale}
          onSelectProblem={props.onSelectProblem}
          onSelectCell={props.onSelectCell}
          located={props.located}
          onDownload={props.onDownload}
          letter={props.letter}
        />
      )}
    </>
  );
}
