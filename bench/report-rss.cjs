// Loaded with `node --require` into a bench child: reports its peak resident memory (kB) on exit.
process.on("exit", () => process.stderr.write(`MAXRSS=${process.resourceUsage().maxRSS}\n`));
