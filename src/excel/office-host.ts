/// <reference types="office-js" />
/**
 * What office.js says about the host the page runs in: which application, which platform, which
 * requirement sets, which theme. The pane's entry asks here and never reads the Office global itself.
 */

/** Office.context.requirements, as far as the pane needs it. */
export interface Requirements {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface OfficeStart {
  /** "Excel", "Word"…; null in a plain browser where office.js reports no host. */
  host: string | null;
  /** Office.context.platform ("PC", "Mac", "OfficeOnline"…), undefined where Office cannot say. */
  platform: string | undefined;
  /** Undefined where the requirements API cannot be asked. */
  requirements: Requirements | undefined;
  /** Office's body background ("#262626"), from which the pane picks a light or dark theme. */
  bodyBackgroundColor: string | undefined;
}

/** Whether office.js is on the page at all (taskpane.html loads it; index.html does not). */
export function officeScriptPresent(): boolean {
  return typeof Office !== "undefined";
}

/** Reads a property some hosts lack and a few throw on; undefined then. */
function guarded<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/**
 * What Office.onReady reports, once office.js has started: undefined without office.js (index.html, or
 * office.js refused). No timer: inside Excel office.js may take long to start, and the pane waits for it.
 */
export async function officeStart(): Promise<OfficeStart | undefined> {
  if (!officeScriptPresent()) return undefined;
  const info = await Office.onReady();
  // Office.HostType.Excel is the string "Excel".
  const host = info.host ? String(info.host) : null;
  if (!host) return { host, platform: undefined, requirements: undefined, bodyBackgroundColor: undefined };
  return {
    host,
    platform: officePlatform(),
    requirements: guarded(() => Office.context?.requirements),
    bodyBackgroundColor: guarded(() => Office.context?.officeTheme?.bodyBackgroundColor),
  };
}

/** Office.context.platform ("PC", "Mac", "OfficeOnline"…), undefined where Office cannot say. */
export function officePlatform(): string | undefined {
  return guarded(() => (Office.context?.platform ? String(Office.context.platform) : undefined));
}
