/**
 * A small writer of OLE compound files ([MS-CFB] version 3: 512-byte sectors, one FAT sector, one
 * directory sector), for fixtures the machine has no program to write: an .xlsx encrypted with a
 * password to open is such a file holding the streams "EncryptionInfo" and "EncryptedPackage"
 * ([MS-OFFCRYPTO] 2.3.4.1). Debian's msoffcrypto-tool (5.0) only decrypts, and LibreOffice 7.4 writes
 * no password through --convert-to nor UNO's storeToURL here, so the container is built by hand. Every
 * stream is at least 4096 bytes (the mini-stream cutoff), so that all live in regular sectors.
 */
const SECTOR = 512;
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;
const MINI_CUTOFF = 4096;

export interface CfbStream {
  name: string;
  bytes: Uint8Array;
}

/** A CFB with the given streams under its root, in the order given (at most three, names sorted by CFB order). */
export function writeCfb(streams: CfbStream[]): Uint8Array {
  if (streams.length > 3) throw new Error("one directory sector holds the root and three streams");
  const padded = streams.map((s) => {
    const size = Math.max(MINI_CUTOFF, Math.ceil(s.bytes.length / SECTOR) * SECTOR);
    const bytes = new Uint8Array(size);
    bytes.set(s.bytes);
    return { name: s.name, bytes, size: s.bytes.length < MINI_CUTOFF ? MINI_CUTOFF : s.bytes.length };
  });
  const dataSectors = padded.map((s) => s.bytes.length / SECTOR);
  const total = 2 + dataSectors.reduce((a, b) => a + b, 0);
  const out = new Uint8Array(SECTOR * (1 + total));
  const view = new DataView(out.buffer);

  // Header.
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(0x18, 0x003e, true);
  view.setUint16(0x1a, 0x0003, true);
  view.setUint16(0x1c, 0xfffe, true);
  view.setUint16(0x1e, 9, true);
  view.setUint16(0x20, 6, true);
  view.setUint32(0x2c, 1, true); // FAT sectors
  view.setUint32(0x30, 1, true); // first directory sector
  view.setUint32(0x38, MINI_CUTOFF, true);
  view.setUint32(0x3c, ENDOFCHAIN, true); // no mini FAT
  view.setUint32(0x44, ENDOFCHAIN, true); // no DIFAT sectors
  view.setUint32(0x4c, 0, true); // the FAT is sector 0
  for (let i = 1; i < 109; i++) view.setUint32(0x4c + i * 4, FREESECT, true);

  // FAT (sector 0), then the directory (sector 1), then each stream's sectors in a chain.
  const fat = (index: number, value: number) => view.setUint32(SECTOR + index * 4, value, true);
  for (let i = 0; i < SECTOR / 4; i++) fat(i, FREESECT);
  fat(0, FATSECT);
  fat(1, ENDOFCHAIN);
  let next = 2;
  const starts = dataSectors.map((count) => {
    const start = next;
    for (let i = 0; i < count; i++) fat(next + i, i === count - 1 ? ENDOFCHAIN : next + i + 1);
    next += count;
    return start;
  });

  const entry = (index: number, name: string, type: number, start: number, size: number) => {
    const at = SECTOR * 2 + index * 128;
    for (let i = 0; i < name.length; i++) view.setUint16(at + i * 2, name.charCodeAt(i), true);
    view.setUint16(at + 64, (name.length + 1) * 2, true);
    out[at + 66] = type;
    out[at + 67] = 1; // black
    view.setUint32(at + 68, NOSTREAM, true);
    view.setUint32(at + 72, NOSTREAM, true);
    view.setUint32(at + 76, NOSTREAM, true);
    view.setUint32(at + 116, start, true);
    view.setUint32(at + 120, size, true);
  };
  entry(0, "Root Entry", 5, ENDOFCHAIN, 0);
  // The root's child is the first stream; each stream's right sibling is the next (a degenerate tree).
  if (padded.length > 0) view.setUint32(SECTOR * 2 + 76, 1, true);
  padded.forEach((s, i) => {
    entry(i + 1, s.name, 2, starts[i], s.size);
    if (i + 1 < padded.length) view.setUint32(SECTOR * 2 + (i + 1) * 128 + 72, i + 2, true);
    out.set(s.bytes, SECTOR * (1 + starts[i]));
  });
  for (let i = padded.length + 1; i < 4; i++) {
    const at = SECTOR * 2 + i * 128;
    view.setUint32(at + 68, NOSTREAM, true);
    view.setUint32(at + 72, NOSTREAM, true);
    view.setUint32(at + 76, NOSTREAM, true);
  }
  return out;
}

/**
 * An .xlsx encrypted with a password to open, as a container: the EncryptionInfo stream starts with
 * the agile version 4.4 and its flags (0x40); the EncryptedPackage holds the package size then bytes
 * that stand for the ciphertext.
 */
export function encryptedWorkbookBytes(): Uint8Array {
  // Padded with spaces to the mini-stream cutoff: the XML still ends where a reader parses it.
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><encryption xmlns="http://schemas.microsoft.com/office/2006/encryption"/>';
  const info = new Uint8Array(
    Buffer.from(
      "\u0004\u0000\u0004\u0000\u0040\u0000\u0000\u0000" + xml.padEnd(MINI_CUTOFF - 8, " "),
      "latin1",
    ),
  );
  const pkg = new Uint8Array(8192);
  new DataView(pkg.buffer).setUint32(0, 8000, true);
  for (let i = 8; i < pkg.length; i++) pkg[i] = (i * 131 + 17) % 256;
  return writeCfb([
    { name: "EncryptionInfo", bytes: info },
    { name: "EncryptedPackage", bytes: pkg },
  ]);
}
