/**
 * What the browser tests share: where the build and Debian's Chromium are, how to skip without them,
 * the content types of dist/, and a Chromium launched the way that works on this machine (no sandbox as
 * root, no background networking — the network is closed — and a fresh profile).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

export const ROOT = path.join(__dirname, "..", "..");
export const DIST = path.join(ROOT, "dist");
export const SCREENSHOTS = path.join(ROOT, "out", "screenshots");
export const CHROMIUM = "/usr/bin/chromium";
export const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

/** `describe`, or `describe.skip` with a title that names what is missing (the built page, Chromium). */
export function browserSuite(page: string, title: string): { suite: jest.Describe; title: string } {
  const missing = [
    existsSync(path.join(DIST, page)) ? undefined : `dist/${page} (run \`npx webpack --mode production\`)`,
    existsSync(CHROMIUM) ? undefined : `${CHROMIUM} (apt-get install chromium)`,
  ].filter(Boolean);
  return missing.length === 0
    ? { suite: describe, title }
    : { suite: describe.skip, title: `${title} — SKIPPED: missing ${missing.join(" and ")}` };
}

export interface LaunchedChromium {
  context: BrowserContext;
  close: () => Promise<void>;
}

export async function launchChromium(
  options: Parameters<typeof chromium.launchPersistentContext>[1] = {},
): Promise<LaunchedChromium> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "kstthc-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
    ...options,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * dist/ on an ephemeral localhost port, under `folder` ("/" or a sub-folder as an internal host would
 * publish it); a folder answers with `index`.
 */
export function serveDist(folder = "/", index = "index.html"): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const inside = url.pathname.startsWith(folder) ? url.pathname.slice(folder.length) : undefined;
    const file =
      inside === undefined ? "" : path.normalize(path.join(DIST, decodeURIComponent(inside) || index));
    if (!file.startsWith(DIST + path.sep) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
    });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}
