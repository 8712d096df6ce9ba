/**
 * What jsdom lacks for the pane: the media queries and size observer Fluent UI asks for, Blob URLs,
 * Blob.arrayBuffer and TextEncoder (the Word writer's). Downloads are caught at the link's click, with
 * the Blob the page made for them.
 */
import { TextDecoder, TextEncoder } from "node:util";

export function installFluentStandIns(): void {
  Object.defineProperty(window, "matchMedia", {
    configurable: true,
    value: (query: string) => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
  class InertResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  // Writable: Fluent's positioning puts its own stand-in there when NODE_ENV is "test".
  Object.defineProperty(window, "ResizeObserver", {
    configurable: true,
    writable: true,
    value: InertResizeObserver,
  });
}

export function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** jsdom's Blob (and so File) has no arrayBuffer(), nor the page a TextEncoder; every browser has both. */
export function installBrowserApis(): void {
  if (typeof globalThis.TextEncoder === "undefined") Object.assign(globalThis, { TextEncoder, TextDecoder });
  if (typeof Blob.prototype.arrayBuffer === "function") return;
  Blob.prototype.arrayBuffer = async function (this: Blob) {
    const bytes = await blobBytes(this);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  };
}

export interface Download {
  fileName: string;
  type: string;
  bytes: () => Promise<Uint8Array>;
}

/** Records every download the page starts; `restore` puts jsdom back as it was. */
export function captureDownloads(): { downloads: Download[]; restore: () => void } {
  const downloads: Download[] = [];
  const blobs = new Map<string, Blob>();
  let count = 0;
  const url = URL as unknown as Record<string, unknown>;
  const saved = { create: url.createObjectURL, revoke: url.revokeObjectURL };
  url.createObjectURL = (blob: Blob) => {
    const href = `blob:http://localhost/${++count}`;
    blobs.set(href, blob);
    return href;
  };
  url.revokeObjectURL = (href: string) => blobs.delete(href);
  // jsdom cannot navigate: a download link's click is where the page hands the file over.
  const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.href);
    if (!blob || !this.download) throw new Error(`not a download: ${this.href}`);
    downloads.push({ fileName: this.download, type: blob.type, bytes: () => blobBytes(blob) });
  });
  return {
    downloads,
    restore: () => {
      click.mockRestore();
      url.createObjectURL = saved.create;
      url.revokeObjectURL = saved.revoke;
    },
  };
}
