// Types of build/functions-en.js (CommonJS, required by webpack.config.js) for the tests.
export const FILE: string;
export function englishMetadata(json: string): string;
