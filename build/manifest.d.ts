// Types of build/manifest.js (CommonJS, required by webpack.config.js) for the tests.
export const DEV_URL: string;
export const DEV_ID: string;
export const PRODUCTION_ID: string;
export const DEVELOPMENT_NOTICE: string;
export function manifestVersion(packageVersion: string): string;
export function productionManifest(xml: string, options: { url: string; version: string }): string;
export function developmentManifest(xml: string): string;
interface HookTap<T> {
  tap(name: string, fn: (arg: T) => void): void;
}
interface NoticeCompilation {
  warnings: Error[];
  hooks: { afterProcessAssets: { tap(name: string, fn: () => void): void } };
}
export class DevelopmentManifestNotice {
  apply(compiler: {
    webpack: { WebpackError: new (message: string) => Error };
    hooks: { thisCompilation: HookTap<NoticeCompilation> };
  }): void;
}
