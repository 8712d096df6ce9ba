/** "Tiêu chí": the criteria in force, editable, restored to the defaults or saved to the "Tiêu chí" sheet. */
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { ArrowReset20Regular, Save20Regular } from "@fluentui/react-icons";
import type { RunResult } from "../../core/run";
import { withDefaultCriteria, type Draft } from "../criteria-draft";
import type { Notice } from "../pane-state";
import { CriterionEditor } from "./CriterionEditor";
import { DraftErrors } from "./DraftErrors";
import { EmulationEditor } from "./EmulationEditor";
import { SectionNotice } from "./SectionNotice";

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

interface CriteriaSectionProps {
  draft: Draft | undefined;
  source: RunResult["criteriaSource"] | undefined;
  errors: string[];
  dirty: boolean;
  saving: boolean;
  notice: Notice | undefined;
  onChange: (draft: Draft) => void;
  onSave: () => void;
}

export function CriteriaSection(props: CriteriaSectionProps) {
  const styles = useStyles();
  const { draft } = props;
  if (!draft) return <Caption1>Tiêu chí hiện ra khi đã đọc được bảng đơn vị.</Caption1>;
  const source =
    props.source === "sheet"
      ? "Đang dùng tiêu chí của trang “Tiêu chí” trong sổ tính."
      : "Đang dùng tiêu chí mặc định (sổ tính chưa có trang “Tiêu chí”).";
  return (
    <>
      <Caption1>{source}</Caption1>
      <div className={styles.list}>
        {draft.criteria.map((item, i) => (
          <CriterionEditor
            key={item.criterion.code}
            value={item}
            disabled={props.saving}
            onChange={(next) =>
              props.onChange({ ...draft, criteria: draft.criteria.map((c, j) => (j === i ? next : c)) })
            }
          />
        ))}
        <EmulationEditor draft={draft} disabled={props.saving} onChange={props.onChange} />
      </div>
      <DraftErrors errors={props.errors} />
      <Caption1>
        “Lưu tiêu chí” ghi lại toàn bộ trang “Tiêu chí” (cả phần cài đặt công văn) theo nội dung ở đây; ghi
        chú tự thêm vào trang đó sẽ mất. Có thể sửa thêm trực tiếp trong trang “Tiêu chí”.
      </Caption1>
      <SectionNotice notice={props.notice} section="criteria" />
      <div className={styles.actions}>
        <Button
          appearance={props.dirty ? "primary" : "secondary"}
          icon={<Save20Regular />}
          disabled={!props.dirty || props.errors.length > 0 || props.saving}
          onClick={props.onSave}
        >
          Lưu tiêu chí
        </Button>
        <Button
          icon={<ArrowReset20Regular />}
          disabled={props.saving}
          onClick={() => props.onChange(withDefaultCriteria(draft))}
        >
          Khôi phục mặc định
        </Button>
      </div>
    </>
  );
}
