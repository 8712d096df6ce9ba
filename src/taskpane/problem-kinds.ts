/** The kinds of problems the pane lists, as the CLI's summary groups them (src/core/problem-kinds.ts). */
export { problemKinds, type ProblemKind } from "../core/problem-kinds";
