/**
 * "So sánh với năm trước" in the pane: the previous year's workbook the user opens (a file, in Excel as
 * in the web page), read in the page by the file adapter, and a port that hands it to every analysis
 * and run. The pane's own state stays as it is: the port carries the previous year.
 */
import { useMemo, useRef, useState } from "react";
import type { PreviousYear } from "../core/compare/types";
import { messageOf } from "./pane-state";
import type { WorkbookPort } from "./port";

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
  /** The port whose analyses and runs set last year beside this year. */
  port: WorkbookPort;
  state: PreviousYearState;
  /** Reads the file; true when it is now the previous year in force. */
  open(file: File): Promise<boolean>;
  clear(): void;
}

export function usePreviousYear(port: WorkbookPort): PreviousYearControl {
  const [state, setState] = useState<PreviousYearState>({});
  // Read by analyses and runs whenever they start.
  const current = useRef<PreviousYear | undefined>(undefined);
  const wrapped = useMemo<WorkbookPort>(() => {
    const analyse: WorkbookPort["analyse"] = (options) =>
      port.analyse({ ...options, previous: current.current });
    const score: WorkbookPort["score"] = (options, onProgress) =>
      port.score({ ...options, previous: current.current }, onProgress);
    // Everything else is the port's own, called on the port itself (whatever kind of object it is).
    return new Proxy(port, {
      get(target, key) {
        if (key === "analyse") return analyse;
        if (key === "score") return score;
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }, [port]);
  return {
    port: wrapped,
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
