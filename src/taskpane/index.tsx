/// <reference types="office-js" />
/**
 * Entry of the task pane: waits for office.js, then shows the pane over Excel; outside Office (a plain
 * browser, office.js absent or refused) the same pane over a file opened in the page; in another
 * Office application or an Excel without the APIs, why it cannot work.
 */
import { FluentProvider, webLightTheme, type Theme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createExcelPort } from "./excel-port";
import { checkHost, themeFor } from "./host";
import { hostInfoOf, readHostEnvironment } from "./host-info";
import { HostMessage } from "./HostMessage";
import { Waiting } from "./Waiting";
import { WebApp } from "./WebApp";

/**
 * What Office.onReady reports: undefined without office.js (index.html, or office.js refused), else the
 * host, null in a plain browser. No timer: inside Excel office.js may take long to start, and the pane
 * waits for it, showing that it waits (a tab outside Office never gets here, see boot.ts).
 */
async function officeHost(): Promise<string | null | undefined> {
  if (typeof Office === "undefined") return undefined;
  // Office.HostType.Excel is the string "Excel".
  const info = await Office.onReady();
  return info.host ? String(info.host) : null;
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
  if (typeof Office !== "undefined") {
    paintBody(webLightTheme);
    render(
      <FluentProvider theme={webLightTheme}>
        <Waiting framed={hostInfoOf(readHostEnvironment(window)).kind !== "office"} />
      </FluentProvider>,
    );
  }
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
