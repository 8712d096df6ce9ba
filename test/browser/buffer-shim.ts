/**
 * The one Node API the Excel adapter's fake uses (Buffer.byteLength, to weigh requests), for the page:
 * esbuild injects it in place of the global when bundling the office.js stand-in.
 */
export const Buffer = {
  byteLength: (text: string) => new TextEncoder().encode(text).length,
};
