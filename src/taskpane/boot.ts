/**
 * The first script of taskpane.html, before office.js (which the page must load in its <head>, and which
 * blocks the page until the CDN answers). Outside Office, where office.js has nothing to do, the tab goes
 * at once to the web app's page (index.html, no office.js): a slow or unreachable CDN then costs nothing.
 */
import { hostInfoOf, readHostEnvironment, webAppUrl } from "./host-info";

export function leaveIfOutsideOffice(win: Window, go: (url: string) => void): boolean {
  if (hostInfoOf(readHostEnvironment(win)).kind !== "none") return false;
  go(webAppUrl(win.location.href));
  return true;
}

if (typeof window !== "undefined" && typeof document !== "undefined" && document.currentScript) {
  leaveIfOutsideOffice(window, (url) => window.location.replace(url));
}
