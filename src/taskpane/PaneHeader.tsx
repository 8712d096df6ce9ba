/** The pane's title, the same over Excel and in the browser. */
import { Caption1, makeStyles, Subtitle1, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  header: { display: "flex", flexDirection: "column" },
  subtitle: { color: tokens.colorNeutralForeground3 },
});

export function PaneHeader() {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Subtitle1 as="h1">Chấm điểm thi đua KSTTHC</Subtitle1>
      <Caption1 className={styles.subtitle}>
        Kiểm soát thủ tục hành chính: chấm điểm, tìm đơn vị đề xuất khen thưởng, dự thảo công văn.
      </Caption1>
    </header>
  );
}
