#!/usr/bin/env node
/** Entry point of the `kstthc` command. */
import { setFlagsFromString } from "node:v8";
import { main } from "./main";

// A run lasts seconds and keeps what it reads: a young generation left at its first size makes it
// peak some 35 MB lower at 20,000 units for the same CPU time (docs/performance.md). V8 reads this
// flag each time it would grow that space, so it holds when set here, after start-up.
setFlagsFromString("--semi-space-growth-factor=1");

main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `Lỗi không mong đợi: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
