/**
 * Preloaded (`node --require`) into every process the bench times: writes the process's peak resident
 * memory (KiB, from the kernel's rusage) to the file named by BENCH_PEAK_FILE as the process exits.
 */
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_PEAK_FILE;
if (file) process.on("exit", () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
