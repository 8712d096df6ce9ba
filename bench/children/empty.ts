/** Nothing: what starting Node itself costs, beside the CLI's start-up. */
export {};
