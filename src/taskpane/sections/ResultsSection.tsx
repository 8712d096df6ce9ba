/**
 * "Phân bố và biểu đồ": how many units of each group fall in each 766 rating band and above the award
 * threshold, and the chart of every unit's 766 score against it, for the figures in view (before or after
 * "Tính điểm", the same as the summary sheet shows once written).
 */
import { makeStyles, Text, tokens } from "@fluentui/react-components";
import { awardThreshold, chartPoints, distributionOf } from "../../core/distribution";
import type { RunResult } from "../../core/run";
import { DistributionTable } from "./DistributionTable";
import { ScoreChart } from "./ScoreChart";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

export function ResultsSection({ result }: { result: RunResult | undefined }) {
  const styles = useStyles();
  if (!result) return <Text>Chưa đọc được bảng đơn vị.</Text>;
  const threshold = awardThreshold(result.criteria, result.settings.rating);
  const points = chartPoints(result.scores);
  return (
    <div className={styles.view} data-view="ket-qua-766">
      <DistributionTable groups={distributionOf(result.scores, threshold)} threshold={threshold} />
      {points.length > 0 ? (
        <ScoreChart points={points} threshold={threshold} />
      ) : (
        <Text>Chưa có đơn vị nào có điểm 766 để vẽ biểu đồ.</Text>
      )}
    </div>
  );
}
