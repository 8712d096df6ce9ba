/**
 * Where the page runs, told as office.js tells it, before office.js has loaded: Office gives an add-in's
 * page its host information in the `_host_Info` query parameter ("Excel$Win32$16.01$vi-VN$…"), or in
 * window.name (JSON with "hostInfo"), and office.js keeps it in sessionStorage ("hostInfoValue") for
 * reloads; these are the places office.js itself reads (_retrieveHostInfo in office.debug.js of
 * @microsoft/office-js). A page with none of them, not framed and without a host's script bridge, is a
 * plain browser tab: office.js would report no host there, once it has loaded from the CDN.
 * Kept free of imports: boot.ts runs it before anything else on the page.
 */
type HostInfo =
  | { kind: "office"; host: string; platform: string }
  /** Framed, or a host bridge is present, without host information: only office.js can tell. */
  | { kind: "unknown" }
  | { kind: "none" };

export interface HostEnvironment {
  search: string;
  windowName: string;
  storedHostInfo: string | null;
  framed: boolean;
  /** window.external.GetHostInfo, agaveHost, chrome.webview or webkit.messageHandlers exist. */
  bridge: boolean;
}

function parse(value: string): HostInfo | undefined {
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    // Kept as given: office.js decodes it too, and a stray % is not a reason to leave Excel.
  }
  // Office separates the fields with "$", some hosts with "|" (office.js accepts both).
  const items = decoded.split(decoded.includes("$") ? "$" : "|");
  const host = items[0]?.trim();
  return host
    ? { kind: "office", host: host.toLowerCase(), platform: (items[1] ?? "").toLowerCase() }
    : undefined;
}

export function hostInfoOf(env: HostEnvironment): HostInfo {
  const fromQuery = new URLSearchParams(env.search).get("_host_Info");
  if (fromQuery) return parse(fromQuery) ?? { kind: "unknown" };
  try {
    const fromName = (JSON.parse(env.windowName) as { hostInfo?: unknown })?.hostInfo;
    if (typeof fromName === "string" && fromName) return parse(fromName) ?? { kind: "unknown" };
  } catch {
    // window.name is usually not JSON.
  }
  if (env.storedHostInfo) return parse(env.storedHostInfo) ?? { kind: "unknown" };
  return env.framed || env.bridge ? { kind: "unknown" } : { kind: "none" };
}

/** The environment of the real window; every access guarded, as some hosts throw on them. */
export function readHostEnvironment(win: Window): HostEnvironment {
  const safe = <T>(read: () => T, fallback: T): T => {
    try {
      return read();
    } catch {
      return fallback;
    }
  };
  const anyWin = win as unknown as {
    external?: { GetHostInfo?: unknown };
    agaveHost?: unknown;
    chrome?: { webview?: unknown };
    webkit?: { messageHandlers?: unknown };
  };
  return {
    search: safe(() => win.location.search, ""),
    windowName: safe(() => win.name, ""),
    storedHostInfo: safe(() => win.sessionStorage.getItem("hostInfoValue"), null),
    framed: safe(() => win.self !== win.top, true),
    bridge: safe(
      () =>
        typeof anyWin.external?.GetHostInfo === "function" ||
        anyWin.agaveHost !== undefined ||
        anyWin.chrome?.webview !== undefined ||
        anyWin.webkit?.messageHandlers !== undefined,
      false,
    ),
  };
}

/** Where a plain browser tab goes instead: the web app's own page, which does not load office.js. */
export function webAppUrl(href: string): string {
  const url = new URL("index.html", href);
  url.hash = new URL(href).hash;
  return url.href;
}
