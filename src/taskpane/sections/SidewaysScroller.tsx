/**
 * A box that scrolls sideways on its own when what it holds is wider than the pane, and says so in words
 * then (narrow panes often hide scroll bars); it takes the keyboard's focus so the arrow keys scroll it.
 */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { useSidewaysOverflow } from "../use-overflow";

const useStyles = makeStyles({
  scroller: {
    overflowX: "auto",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  cue: { color: tokens.colorNeutralForeground2 },
});

interface SidewaysScrollerProps {
  /** The box's accessible name. */
  label: string;
  /** What to do when the box is narrower than what it holds. */
  cue: string;
  children: ReactNode;
}

export function SidewaysScroller({ label, cue, children }: SidewaysScrollerProps) {
  const styles = useStyles();
  const { ref, overflows } = useSidewaysOverflow<HTMLDivElement>();
  return (
    <>
      {overflows && <Caption1 className={styles.cue}>{cue}</Caption1>}
      <div ref={ref} className={styles.scroller} tabIndex={0} role="region" aria-label={label}>
        {children}
      </div>
    </>
  );
}
