/**
 * "Nguồn số liệu": files staff receive (the portal's 766 export, the one-stop report II.07b), opened
 * here and joined into the table by unit code or name. The table's cells are never overwritten; the
 * figures used and their origin go to the tool's own columns.
 */
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  Radio,
  RadioGroup,
  Spinner,
  tokens,
} from "@fluentui/react-components";
import { Dismiss16Regular, DocumentAdd20Regular } from "@fluentui/react-icons";
import { useRef } from "react";
import type { RunResult } from "../../core/run";
import type { Preference } from "../../core/sources/join";
import { describeSource, provenanceOf } from "../../core/sources/provenance";
import type { Notice, SourcesState } from "../pane-state";
import { XlsxFileInput } from "../XlsxFileInput";
import { SectionNotice } from "./SectionNotice";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  row: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
});

const SHOWN = 10;
const listed = (names: string[]) =>
  names.slice(0, SHOWN).join(", ") +
  (names.length > SHOWN ? ` … và ${names.length - SHOWN} đơn vị khác` : "");

interface SourcesSectionProps {
  sources: SourcesState;
  /** The latest analysis, for how each source met the table. */
  result?: RunResult;
  notice?: Notice;
  disabled: boolean;
  onAdd: (files: File[]) => void;
  onRemove: (file: string) => void;
  onPrefer: (prefer: Preference) => void;
}

export function SourcesSection({
  sources,
  result,
  notice,
  disabled,
  onAdd,
  onRemove,
  onPrefer,
}: SourcesSectionProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Caption1>
        Mở tệp điểm Bộ chỉ số 766 xuất từ Cổng Dịch vụ công quốc gia hoặc Biểu số II.07b/VPCP/KSTT: số liệu
        được ghép vào bảng đơn vị theo mã hoặc tên đơn vị (không ghép khác loại, không đoán). Ô của bảng không
        bị ghi đè: số liệu được dùng và nguồn của nó được ghi ở các cột kết quả.
      </Caption1>
      <Button
        icon={<DocumentAdd20Regular />}
        disabled={disabled || sources.reading.length > 0}
        onClick={() => input.current?.click()}
      >
        Mở tệp nguồn
      </Button>
      <XlsxFileInput ref={input} multiple label="Chọn tệp nguồn (.xlsx)" onFiles={onAdd} />
      {sources.reading.length > 0 && (
        <Spinner size="tiny" label={`Đang đọc ${sources.reading.map((n) => `“${n}”`).join(", ")}…`} />
      )}
      <SectionNotice notice={notice} section="sources" />
      {sources.files.length > 0 && (
        <ul className={styles.list} aria-label="Tệp nguồn đang dùng">
          {sources.files.map((source) => {
            const match = result?.matches.find((m) => m.file === source.file);
            return (
              <li key={source.file} className={styles.item}>
                <div className={styles.row}>
                  <Body1>{describeSource(provenanceOf(source))}</Body1>
                  <Button
                    size="small"
                    appearance="subtle"
                    icon={<Dismiss16Regular />}
                    aria-label={`Bỏ tệp ${source.file}`}
                    disabled={disabled}
                    onClick={() => onRemove(source.file)}
                  />
                </div>
                {match && (
                  <Caption1>
                    {`Khớp ${match.matched} đơn vị.`}
                    {match.unmatchedTable.length > 0 &&
                      ` Bảng có nhưng tệp không có: ${listed(match.unmatchedTable.map((u) => u.name))}.`}
                    {match.unmatchedSource.length > 0 &&
                      ` Tệp có nhưng bảng không có: ${listed(match.unmatchedSource.map((u) => u.name))}.`}
                    {match.ambiguous.length > 0 &&
                      ` Không ghép được vì trùng tên hoặc mã: ${listed(match.ambiguous.flatMap((a) => [...a.table, ...a.source]))}.`}
                  </Caption1>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <RadioGroup
        value={sources.prefer}
        disabled={disabled}
        aria-label="Khi bảng theo dõi và tệp nguồn khác nhau"
        onChange={(_, data) => onPrefer(data.value as Preference)}
      >
        <Caption1>
          Khi bảng theo dõi và tệp nguồn ghi khác nhau (cả hai số đều được ghi ra cột “Nguồn số liệu”):
        </Caption1>
        <Radio value="source" label="Dùng số liệu của tệp nguồn (mặc định)" />
        <Radio value="table" label="Giữ số liệu của bảng theo dõi" />
      </RadioGroup>
    </>
  );
}
