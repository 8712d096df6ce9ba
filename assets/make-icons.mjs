/**
 * Draws the add-in's PNG icons with Node alone (no ImageMagick on the build machines):
 *   icon-16/32/64/80.png  blue tile with a white check mark (add-in, ribbon group, "Tính điểm")
 *   pane-16/32/80.png     a window with its side panel ("Bảng điều khiển")
 * Run `node assets/make-icons.mjs` after changing a shape; the PNGs are committed.
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

const HERE = dirname(fileURLToPath(import.meta.url));

const BLUE = [15, 108, 189];
const WHITE = [255, 255, 255];
const GREY = [66, 66, 66];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** RGBA pixels (size × size × 4) to PNG bytes: 8-bit RGBA, no filtering. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// Shapes in unit coordinates (0..1), each a test "is this point inside".
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const frame = (x0, y0, x1, y1, r, width) => {
  const outer = roundedRect(x0, y0, x1, y1, r);
  const inner = roundedRect(x0 + width, y0 + width, x1 - width, y1 - width, Math.max(0, r - width));
  return (x, y) => outer(x, y) && !inner(x, y);
};
const polyline = (points, width) => (x, y) => {
  for (let i = 0; i + 1 < points.length; i++) {
    const [ax, ay] = points[i];
    const [bx, by] = points[i + 1];
    const t = Math.max(
      0,
      Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
    );
    if ((x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= (width / 2) ** 2) return true;
  }
  return false;
};

/** Paints layers [shape, colour] over a transparent square, 4×4 samples per pixel for smooth edges. */
function render(size, layers) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const [inside, colour] of layers) {
        let hits = 0;
        for (let sy = 0; sy < n; sy++)
          for (let sx = 0; sx < n; sx++)
            if (inside((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)) hits++;
        const cover = hits / (n * n);
        if (cover === 0) continue;
        // "Over" compositing in straight alpha.
        const outA = cover + a * (1 - cover);
        r = (colour[0] * cover + r * a * (1 - cover)) / outA;
        g = (colour[1] * cover + g * a * (1 - cover)) / outA;
        b = (colour[2] * cover + b * a * (1 - cover)) / outA;
        a = outA;
      }
      rgba.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], (py * size + px) * 4);
    }
  }
  return encodePng(size, rgba);
}

const ICON = [
  [roundedRect(0.04, 0.04, 0.96, 0.96, 0.18), BLUE],
  [
    polyline(
      [
        [0.26, 0.52],
        [0.43, 0.69],
        [0.75, 0.33],
      ],
      0.12,
    ),
    WHITE,
  ],
];
const PANE = [
  [frame(0.08, 0.16, 0.92, 0.84, 0.06, 0.08), GREY],
  [roundedRect(0.58, 0.16, 0.92, 0.84, 0.06), BLUE],
];

for (const size of [16, 32, 64, 80]) writeFileSync(join(HERE, `icon-${size}.png`), render(size, ICON));
for (const size of [16, 32, 80]) writeFileSync(join(HERE, `pane-${size}.png`), render(size, PANE));
