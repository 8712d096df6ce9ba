/**
 * Preloaded (`node --require`) into every process the bench times: as the process exits, writes its peak
 * resident memory (KiB) and the CPU time of all its threads (µs), from the kernel's rusage, to the file
 * named by BENCH_PEAK_FILE.
 */
import { writeFileSync } from "node:fs";

const file = process.env.BENCH_PEAK_FILE;
if (file) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(
      file,
      JSON.stringify({ maxRSS: usage.maxRSS, cpu: usage.userCPUTime + usage.systemCPUTime }),
    );
  });
}
