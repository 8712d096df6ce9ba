/**
 * Telling a plain browser tab from Office before office.js loads (host-info.ts), from the places office.js
 * itself reads its host information, and boot.ts sending a plain tab to the web app at once.
 */
import { leaveIfOutsideOffice } from "../../src/taskpane/boot";
import { hostInfoOf, webAppUrl, type HostEnvironment } from "../../src/taskpane/host-info";

const plain: HostEnvironment = {
  search: "",
  windowName: "",
  storedHostInfo: null,
  framed: false,
  bridge: false,
};

describe("hostInfoOf", () => {
  it("reads the _host_Info query parameter Excel adds to the page's URL, $ or | separated", () => {
    expect(hostInfoOf({ ...plain, search: "?_host_Info=Excel$Win32$16.01$vi-VN$$$$0" })).toEqual({
      kind: "office",
      host: "excel",
      platform: "win32",
    });
    expect(hostInfoOf({ ...plain, search: "?_host_Info=Excel%7CMac%7C16.00%7Cen-US" })).toEqual({
      kind: "office",
      host: "excel",
      platform: "mac",
    });
    expect(
      hostInfoOf({ ...plain, search: "?et=&_host_Info=Excel$Web$16.00$en-US$telemetry$$$0" }),
    ).toMatchObject({
      host: "excel",
      platform: "web",
    });
  });

  it("reads window.name's hostInfo and the value office.js keeps for reloads", () => {
    expect(
      hostInfoOf({ ...plain, windowName: JSON.stringify({ hostInfo: "Excel|Web|16.00" }) }),
    ).toMatchObject({
      kind: "office",
      platform: "web",
    });
    expect(hostInfoOf({ ...plain, windowName: "not json" })).toEqual({ kind: "none" });
    expect(hostInfoOf({ ...plain, storedHostInfo: "Word$Win32$16.01" })).toMatchObject({ host: "word" });
  });

  it("cannot tell in a frame or beside a host bridge, and says none in a plain tab", () => {
    expect(hostInfoOf({ ...plain, framed: true })).toEqual({ kind: "unknown" });
    expect(hostInfoOf({ ...plain, bridge: true })).toEqual({ kind: "unknown" });
    expect(hostInfoOf(plain)).toEqual({ kind: "none" });
    expect(hostInfoOf({ ...plain, search: "?x=1" })).toEqual({ kind: "none" });
  });
});

describe("boot", () => {
  const win = (href: string, extra: Record<string, unknown> = {}) => {
    const url = new URL(href);
    const self = {
      location: { href, search: url.search },
      name: "",
      sessionStorage: { getItem: () => null },
      ...extra,
    } as Record<string, unknown>;
    self.self = self;
    self.top = self;
    return self as unknown as Window;
  };

  it("sends a plain tab of taskpane.html to index.html in the same folder, keeping the fragment", () => {
    const go = jest.fn();
    expect(leaveIfOutsideOffice(win("https://intranet.example.vn/kstthc/taskpane.html#x"), go)).toBe(true);
    expect(go).toHaveBeenCalledWith("https://intranet.example.vn/kstthc/index.html#x");
    expect(webAppUrl("https://localhost:3000/taskpane.html?a=1")).toBe("https://localhost:3000/index.html");
  });

  it("stays in Excel, and wherever only office.js can tell", () => {
    const go = jest.fn();
    expect(
      leaveIfOutsideOffice(
        win("https://localhost:3000/taskpane.html?_host_Info=Excel$Win32$16.01$vi-VN"),
        go,
      ),
    ).toBe(false);
    const framed = win("https://localhost:3000/taskpane.html");
    (framed as unknown as { top: unknown }).top = {};
    expect(leaveIfOutsideOffice(framed, go)).toBe(false);
    expect(
      leaveIfOutsideOffice(win("https://localhost:3000/taskpane.html", { chrome: { webview: {} } }), go),
    ).toBe(false);
    expect(go).not.toHaveBeenCalled();
  });
});
