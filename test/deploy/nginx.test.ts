/**
 * deploy/nginx.conf on Debian's nginx (package nginx-light, installed by .ci/run): the server block as
 * shipped, with only its port, certificate and root changed, served on 127.0.0.1 with a throwaway
 * certificate made here; real HTTPS requests check the headers Office needs. Without nginx the test
 * fails and says what to install: it never skips.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const NGINX = "/usr/sbin/nginx";
const MIME_TYPES = "/etc/nginx/mime.types";
const BLOCK = readFileSync(path.join(ROOT, "deploy", "nginx.conf"), "utf8");

/** A site laid out as the build lays out dist/ (names from webpack.config.js). */
const SITE: Record<string, string | Buffer> = {
  "taskpane.html": "<!doctype html><title>KSTTHC</title>",
  "index.html": "<!doctype html><title>Chấm điểm</title>",
  "help.html": "<!doctype html><title>Hướng dẫn</title>",
  "manifest.xml": '<?xml version="1.0" encoding="UTF-8"?><OfficeApp/>',
  "functions.json": '{"functions":[]}',
  "functions-en-US.json": '{"functions":[]}',
  "functions.js": "console.log(1);",
  "taskpane.js": "console.log(2);",
  "xlsx.1a2b3c4d.js": "console.log(3);",
  "assets/icon-32.png": readFileSync(path.join(ROOT, "assets", "icon-32.png")),
};

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The block with this machine's port, certificate and root; nothing else of it changes. */
function localBlock(port: number, dir: string): string {
  const replaced = BLOCK.replace(/^\s*listen 443 ssl;$/m, `    listen 127.0.0.1:${port} ssl;`)
    .replace(/^\s*listen \[::\]:443 ssl;\n/m, "")
    .replace(/ssl_certificate\s+\S+;/, `ssl_certificate ${dir}/cert.pem;`)
    .replace(/ssl_certificate_key\s+\S+;/, `ssl_certificate_key ${dir}/key.pem;`)
    .replace(/^\s*root \S+;$/m, `    root ${dir}/site;`);
  // Each substitution must have hit, or the test would check some other configuration.
  for (const expected of [`127.0.0.1:${port}`, `${dir}/cert.pem`, `${dir}/key.pem`, `${dir}/site`]) {
    if (!replaced.includes(expected))
      throw new Error(`deploy/nginx.conf no longer has the line for ${expected}`);
  }
  return replaced;
}

function request(port: number, file: string, headers: Record<string, string>, ca: Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = https.get(
      { host: "127.0.0.1", port, path: `/${file}`, headers, ca, servername: undefined },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
      },
    );
    req.on("error", reject);
  });
}

async function waitForPort(port: number, nginx: ChildProcess, log: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (nginx.exitCode !== null) {
      throw new Error(
        `nginx stopped (${nginx.exitCode}): ${existsSync(log) ? readFileSync(log, "utf8") : ""}`,
      );
    }
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => {
        socket.end();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nginx did not listen on 127.0.0.1:${port}`);
}

describe("deploy/nginx.conf on Debian's nginx", () => {
  let dir: string;
  let port: number;
  let nginx: ChildProcess | undefined;
  let ca: Buffer;
  const get = (file: string, headers: Record<string, string> = {}) => request(port, file, headers, ca);

  beforeAll(async () => {
    if (!existsSync(NGINX) || !existsSync(MIME_TYPES)) {
      throw new Error(
        `${NGINX} or ${MIME_TYPES} is missing: install Debian's nginx-light (apt-get install nginx-light), as .ci/run does.`,
      );
    }
    dir = mkdtempSync(path.join(os.tmpdir(), "kstthc-nginx-"));
    // nginx's workers run as an unprivileged user when it is started as root: they must read the site.
    chmodSync(dir, 0o755);
    execFileSync(
      "openssl",
      [
        ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"],
        ...["-keyout", path.join(dir, "key.pem"), "-out", path.join(dir, "cert.pem")],
        ...["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
      ],
      { stdio: "ignore" },
    );
    ca = readFileSync(path.join(dir, "cert.pem"));
    for (const [file, content] of Object.entries(SITE)) {
      mkdirSync(path.dirname(path.join(dir, "site", file)), { recursive: true });
      writeFileSync(path.join(dir, "site", file), content);
    }
    copyFileSync(path.join(ROOT, "assets", "icon-32.png"), path.join(dir, "site", "favicon.png"));
    port = await freePort();
    const temp = (name: string) => `${name}_temp_path ${dir}/${name};`;
    writeFileSync(
      path.join(dir, "nginx.conf"),
      [
        "daemon off;",
        "worker_processes 1;",
        `pid ${dir}/nginx.pid;`,
        `error_log ${dir}/error.log;`,
        "events { worker_connections 64; }",
        "http {",
        `  include ${MIME_TYPES};`,
        "  default_type application/octet-stream;",
        `  access_log off;`,
        ...["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((n) => `  ${temp(n)}`),
        localBlock(port, dir),
        "}",
      ].join("\n"),
    );
    execFileSync(NGINX, ["-t", "-q", "-e", `${dir}/error.log`, "-c", `${dir}/nginx.conf`], { stdio: "pipe" });
    nginx = spawn(NGINX, ["-e", `${dir}/error.log`, "-c", `${dir}/nginx.conf`], { stdio: "ignore" });
    await waitForPort(port, nginx, `${dir}/error.log`);
  });

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx?.once("exit", resolve));
      nginx.kill("SIGQUIT");
      await exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("serves the pages as UTF-8 HTML that browsers ask again for each time", async () => {
    for (const page of ["taskpane.html", "index.html", "help.html", ""]) {
      const reply = await get(page);
      expect([page, reply.status]).toEqual([page, 200]);
      expect(reply.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(reply.headers["cache-control"]).toBe("no-cache");
      expect(reply.headers["x-content-type-options"]).toBe("nosniff");
    }
  });

  it("serves the manifest as XML, never kept without asking", async () => {
    const reply = await get("manifest.xml");
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toMatch(/^(text|application)\/xml; charset=utf-8$/);
    expect(reply.headers["cache-control"]).toBe("no-cache");
  });

  it("lets Excel on the web fetch the functions' metadata from another origin, as JSON, never cached", async () => {
    for (const file of ["functions.json", "functions-en-US.json"]) {
      const reply = await get(file, { Origin: "https://excel.officeapps.live.com" });
      expect([file, reply.status]).toEqual([file, 200]);
      expect(reply.headers["access-control-allow-origin"]).toBe("*");
      expect(reply.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(reply.headers["cache-control"]).toBe("no-cache");
    }
    // Only the metadata is opened to other origins.
    expect((await get("taskpane.html")).headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("serves scripts as JavaScript: fixed names asked again each time, hashed chunks kept for a year", async () => {
    for (const file of ["functions.js", "taskpane.js"]) {
      const reply = await get(file);
      expect(reply.headers["content-type"]).toBe("application/javascript; charset=utf-8");
      expect(reply.headers["cache-control"]).toBe("no-cache");
    }
    const chunk = await get("xlsx.1a2b3c4d.js");
    expect(chunk.status).toBe(200);
    expect(chunk.headers["content-type"]).toBe("application/javascript; charset=utf-8");
    expect(chunk.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("serves the icons as PNG and answers 404 for what dist/ does not hold", async () => {
    const icon = await get("assets/icon-32.png");
    expect(icon.status).toBe(200);
    expect(icon.headers["content-type"]).toBe("image/png");
    expect((await get("missing.js")).status).toBe(404);
  });
});
