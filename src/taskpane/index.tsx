/**
 * Entry of the task pane: waits for office.js, then shows the pane over Excel; outside Office (a plain
 * browser, office.js absent or refused) the same pane over a file opened in the page; in another
 * Office application or an Excel without the APIs, why it cannot work. What office.js says is asked of
 * the Excel adapter (src/excel/office-host.ts): nothing here reads the Office global.
 */
import { FluentProvider, webLightTheme, type Theme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { officeScriptPresent, officeStart } from "../excel/office-host";
import { createExcelPort } from "./excel-port";
import { checkHost, themeFor } from "./host";
import { hostInfoOf, readHostEnvironment } from "./host-info";
import { HostMessage } from "./HostMessage";
import { Waiting } from "./Waiting";
import { WebApp } from "./WebApp";

/** The page around the pane takes the theme's background, edge to edge. */
function paintBody(theme: Theme): void {
  document.body.style.margin = "0";
  document.body.style.backgroundColor = theme.colorNeutralBackground1;
}

async function start(render: (node: ReactNode) => void): Promise<void> {
  if (officeScriptPresent()) {
    paintBody(webLightTheme);
    render(
      <FluentProvider theme={webLightTheme}>
        <Waiting framed={hostInfoOf(readHostEnvironment(window)).kind !== "office"} />
      </FluentProvider>,
    );
  }
  const office = await officeStart();
  const check = checkHost(office?.host, office?.requirements);
  const theme = check.ok ? themeFor({ bodyBackgroundColor: office?.bodyBackgroundColor }) : webLightTheme;
  paintBody(theme);
  render(
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
      {check.ok ? (
        <App port={createExcelPort(office?.platform)} />
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
