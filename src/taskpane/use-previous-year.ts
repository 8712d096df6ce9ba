/**
 * "So sánh với năm trước" in the pane: the previous year's workbook the user opens (a file, in Excel as
 * in the web page), read in the page by the file adapter, and handed to every analysis and run
 * (`withPrevious`, given to usePane).
 */
import { useCallback, useRef, useState } from "react";
import type { PreviousYear } from "../core/compare/types";
import { messageOf } from "./pane-state";
import type { AnalyseOptions } from "./port";

/** The previous year's file is read by the file adapter, in the same chunk as the workbook file. */
async function readPreviousInPage(name: string, bytes: Uint8Array): Promise<PreviousYear> {
  const { readPreviousFile } = await import(/* webpackChunkName: "xlsx" */ "../xlsx/previous-file");
  return readPreviousFile(name, bytes);
}

export interface PreviousYearState {
  previous?: PreviousYear;
  /** The name of the file being read. */
  reading?: string;
  /** Why the last file opened could not be used, naming file, sheet, row and column. */
  error?: string;
}

export interface PreviousYearControl {
  /** The options of an analysis or run with last year in force, read when it starts. */
  withPrevious(options: AnalyseOptions): AnalyseOptions;
  state: PreviousYearState;
  /** Reads the file; true when it is now the previous year in force. */
  open(file: File): Promise<boolean>;
  clear(): void;
}

export function usePreviousYear(): PreviousYearControl {
  const [state, setState] = useState<PreviousYearState>({});
  // Read by analyses and runs when they start, which may be before the state's next render.
  const current = useRef<PreviousYear | undefined>(undefined);
  const withPrevious = useCallback(
    (options: AnalyseOptions): AnalyseOptions => ({ ...options, previous: current.current }),
    [],
  );
  return {
    withPrevious,
    state,
    open: async (file) => {
      const name = file.name.normalize("NFC");
      setState({ previous: current.current, reading: name });
      try {
        const previous = await readPreviousInPage(name, new Uint8Array(await file.arrayBuffer()));
        current.current = previous;
        setState({ previous });
        return true;
      } catch (error) {
        setState({ previous: current.current, error: messageOf(error) });
        return false;
      }
    },
    clear: () => {
      current.current = undefined;
      setState({});
    },
  };
}
