/**
 * Shown while office.js starts: Excel may take several seconds, and the pane waits for it rather than
 * guess. Where the page cannot tell it is in Office (framed, no host information), it also offers the
 * web app after a while, since office.js never answers when one of its own files is blocked
 * (OfficeDev/office-js#6040).
 */
import { Body1, makeStyles, Spinner, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

/** After this long, the page offers the web app (it still goes on waiting). */
const OFFER_WEB_APP_AFTER_MS = 10_000;

export function Waiting({ framed }: { framed: boolean }) {
  const styles = useStyles();
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (!framed) return;
    const timer = setTimeout(() => setLate(true), OFFER_WEB_APP_AFTER_MS);
    return () => clearTimeout(timer);
  }, [framed]);
  return (
    <main className={styles.root} aria-busy="true">
      <Spinner label="Đang kết nối với Excel…" />
      {late && (
        <Body1>
          Nếu trang này không mở trong Excel, hãy dùng <a href="index.html">trang web chấm điểm</a> (không cần
          Excel).
        </Body1>
      )}
    </main>
  );
}
