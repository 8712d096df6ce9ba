/// <reference types="office-js" />
/**
 * Entry of the task pane: waits for office.js, then shows the pane over Excel; outside Office (a plain
 * browser, office.js absent or unreachable) the same pane over a file opened in the page; in another
 * Office application or an Excel without the APIs, why it cannot work.
 */
import { FluentProvider, webLightTheme, type Theme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createExcelPort } from "./excel-port";
import { checkHost, themeFor } from "./host";
import { HostMessage } from "./HostMessage";
import { WebApp } from "./WebApp";

/** Outside Office, office.js may be missing or never call back: do not wait for it forever. */
const OFFICE_TIMEOUT_MS = 5000;

async function officeHost(): Promise<string | null | undefined> {
  if (typeof Office === "undefined") return undefined;
  const timeout = new Promise<undefined>((resolve) =>
    setTimeout(() => resolve(undefined), OFFICE_TIMEOUT_MS),
  );
  // Office.HostType.Excel is the string "Excel".
  const ready = Office.onReady().then((info) => (info.host ? String(info.host) : null));
  return Promise.race([ready, timeout]);
}

function officeTheme(): Theme {
  try {
    return themeFor(Office.context?.officeTheme);
  } catch {
    // officeTheme is missing in some hosts (and throws in a few): the light theme is the safe default.
    return webLightTheme;
  }
}

/** The page around the pane takes the theme's background, edge to edge. */
function paintBody(theme: Theme): void {
  document.body.style.margin = "0";
  document.body.style.backgroundColor = theme.colorNeutralBackground1;
}

async function start(render: (node: ReactNode) => void): Promise<void> {
  const host = await officeHost();
  const requirements = host ? Office.context?.requirements : undefined;
  const check = checkHost(host, requirements);
  const theme = check.ok ? officeTheme() : webLightTheme;
  paintBody(theme);
  render(
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
      {check.ok ? (
        <App port={createExcelPort()} />
      ) : check.reason === "outside-office" ? (
        <WebApp />
      ) : (
        <HostMessage check={check} />
      )}
    </FluentProvider>,
  );
}

const container = document.getElementById("root");
if (container) {
  const root = createRoot(container);
  void start((node) => root.render(node));
}
