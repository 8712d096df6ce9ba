/** @jest-environment jsdom */
/**
 * The pane's entry (index.tsx): the web app outside Office, what it says in another Office application
 * and in an Excel without the required APIs, the pane in Excel; and the Office theme → Fluent theme choice.
 */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { fireEvent, screen } from "@testing-library/react";
import { publishRunStatus } from "../../src/excel/run-status-channel";
import { checkHost, themeFor } from "../../src/taskpane/host";
import { installFluentStandIns } from "./dom-stubs";

// Fluent UI asks for media queries (reduced motion) and watches element sizes (message bars reflow);
// jsdom implements neither, so both get inert stand-ins. ResizeObserver stays writable: Fluent's
// positioning puts its own stand-in there when NODE_ENV is "test".
beforeAll(installFluentStandIns);

type OfficeGlobal = { Office?: unknown; Excel?: unknown };
const globals = globalThis as OfficeGlobal;

/** A minimal Office for the entry: the host onReady reports and the requirement sets it supports. */
function fakeOffice(host: string | null, supported: (name: string) => boolean) {
  return {
    onReady: () => Promise.resolve({ host, platform: null }),
    context: { requirements: { isSetSupported: supported }, officeTheme: { bodyBackgroundColor: "#ffffff" } },
  };
}

/** Loads index.tsx afresh into a page with a #root, as taskpane.html has. */
async function startEntry(): Promise<void> {
  // The entry renders on its own, as in the browser, not inside Testing Library's act().
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  document.body.innerHTML = '<div id="root"></div>';
  await jest.isolateModulesAsync(async () => {
    await import("../../src/taskpane/index");
  });
}

afterEach(() => {
  delete (globalThis as { __kstthcRunStatus?: unknown }).__kstthcRunStatus;
  delete globals.Office;
  delete globals.Excel;
  document.body.innerHTML = "";
});

describe("entry", () => {
  it("becomes the web app, which opens a file, when office.js is missing or unreachable", async () => {
    await startEntry();
    expect(await screen.findByRole("button", { name: "Mở tệp Excel" })).toBeTruthy();
    expect(screen.getByLabelText("Chọn tệp Excel (.xlsx)")).toBeTruthy();
    expect(screen.queryByText("Hãy mở trang này trong Excel")).toBeNull();
    expect(document.body.style.margin).toBe("0px");
  });

  it("becomes the web app when Office reports no host (office.js in a plain browser)", async () => {
    globals.Office = fakeOffice(null, () => true);
    await startEntry();
    expect(await screen.findByRole("button", { name: "Mở tệp Excel" })).toBeTruthy();
  });

  it("asks to open the pane in Excel from another Office application", async () => {
    globals.Office = fakeOffice("Word", () => true);
    await startEntry();
    expect(await screen.findByText("Hãy mở trang này trong Excel")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Mở tệp Excel" })).toBeNull();
  });

  it("says which APIs are missing in an older Excel", async () => {
    globals.Office = fakeOffice("Excel", (name) => name !== "SharedRuntime");
    await startEntry();
    expect(await screen.findByText("Phiên bản Excel này chưa chạy được phần bổ trợ")).toBeTruthy();
    expect(screen.getByText("Thiếu bộ giao diện lập trình: SharedRuntime 1.1.")).toBeTruthy();
  });

  it("mounts the pane over Excel.run in Excel, and says why the ribbon's run failed before it opened", async () => {
    globals.Office = fakeOffice("Excel", () => true);
    const run = jest.fn(() => Promise.reject(new Error("Sổ tính đang bận.")));
    globals.Excel = { run };
    publishRunStatus({ state: "failed", at: 0, message: "Trang “Theo dõi 2023” đang được bảo vệ." });
    await startEntry();
    // Nothing is read for a runtime that may be hidden (excel/pane-visibility.ts)...
    await screen.findByText("Chấm điểm thi đua KSTTHC");
    expect(run).not.toHaveBeenCalled();
    // ...until the user's hand is in the pane.
    fireEvent.pointerMove(document.body);
    expect(await screen.findByText("Chưa tìm được bảng đơn vị")).toBeTruthy();
    // An Office.js error has no sentence of our own: the pane says where it comes from.
    expect(screen.getAllByText("Có lỗi khi làm việc với sổ tính: Sổ tính đang bận.").length).toBeGreaterThan(
      0,
    );
    expect(
      screen.getByText(
        "Nút “Tính điểm” trên thanh công cụ: Không tính được điểm: Trang “Theo dõi 2023” đang được bảo vệ.",
      ),
    ).toBeTruthy();
    expect(run).toHaveBeenCalled();
  });

  it("waits for office.js inside Excel however long it takes, saying so, and never shows the web app", async () => {
    jest.useFakeTimers();
    try {
      let ready: (info: { host: string }) => void = () => undefined;
      globals.Office = {
        onReady: () => new Promise((resolve) => (ready = resolve)),
        context: { requirements: { isSetSupported: () => true } },
      };
      globals.Excel = { run: () => Promise.reject(new Error("x")) };
      await startEntry();
      await jest.advanceTimersByTimeAsync(100);
      expect(screen.getByText("Đang kết nối với Excel…")).toBeTruthy();
      // Longer than any timer the entry could race against.
      await jest.advanceTimersByTimeAsync(30_000);
      expect(screen.queryByRole("button", { name: "Mở tệp Excel" })).toBeNull();
      expect(screen.getByText("Đang kết nối với Excel…")).toBeTruthy();
      ready({ host: "Excel" });
      await jest.advanceTimersByTimeAsync(1000);
      expect(screen.getByText("Chưa tính điểm trong phiên làm việc này.")).toBeTruthy();
      expect(screen.queryByText("Đang kết nối với Excel…")).toBeNull();
    } finally {
      jest.useRealTimers();
    }
  });

  it("goes ahead in Excel when the requirements API cannot be asked", async () => {
    globals.Office = { onReady: () => Promise.resolve({ host: "Excel" }) };
    globals.Excel = { run: () => Promise.reject(new Error("x")) };
    await startEntry();
    expect(await screen.findByText("Chưa tính điểm trong phiên làm việc này.")).toBeTruthy();
  });
});

describe("host and theme", () => {
  const all = { isSetSupported: () => true };
  it("checks the host and the requirement sets", () => {
    expect(checkHost("Excel", all)).toEqual({ ok: true });
    expect(checkHost("Word", all)).toEqual({ ok: false, reason: "not-excel" });
    expect(checkHost(undefined, undefined)).toEqual({ ok: false, reason: "outside-office" });
    expect(checkHost(null, undefined)).toEqual({ ok: false, reason: "outside-office" });
    expect(checkHost("Excel", undefined)).toEqual({ ok: true });
    expect(checkHost("Excel", { isSetSupported: (name: string) => name === "SharedRuntime" })).toEqual({
      ok: false,
      reason: "old-excel",
      missing: ["ExcelApi 1.9"],
    });
  });

  it("follows Office's body background: dark below mid-grey, light otherwise or when unknown", () => {
    expect(themeFor({ bodyBackgroundColor: "#262626" })).toBe(webDarkTheme);
    expect(themeFor({ bodyBackgroundColor: "#1F1F1F" })).toBe(webDarkTheme);
    expect(themeFor({ bodyBackgroundColor: "#ffffff" })).toBe(webLightTheme);
    expect(themeFor({ bodyBackgroundColor: "#E6E6E6" })).toBe(webLightTheme);
    expect(themeFor({ bodyBackgroundColor: "red" })).toBe(webLightTheme);
    expect(themeFor(undefined)).toBe(webLightTheme);
  });
});
