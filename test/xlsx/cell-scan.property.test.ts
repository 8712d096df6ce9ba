// The cell scanner finds the cells, their attributes, their content and their reference where the
// regular expressions it replaces find them, in any text made of the pieces a row's XML is made of.
import fc from "fast-check";
import { newCellSpan, nextCell, referencedColumn } from "../../src/xlsx/package/cell-scan";

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const CELL_REF = /\sr="([A-Z]{1,3})\d+"/;

const piece = fc.constantFrom(
  "<c",
  "<c ",
  ' r="A1"',
  ' r="ABCD1"',
  ' r="XFD1048576"',
  ' r="a1"',
  ' r="B"',
  "<col",
  "<cfRule",
  "<c/>",
  "<c>",
  "</c>",
  "/>",
  ">",
  "/",
  " r=",
  ' r="',
  '\tr="',
  '\u00a0r="',
  'xr="',
  "A",
  "BC",
  "ABCD",
  "a",
  "12",
  '"',
  ' s="3"',
  ' t="s"',
  "<v>",
  "4",
  "</v>",
  "<f>SUM(A1)</f>",
  "<is><t>Đơn vị</t></is>",
  " ",
  "\n",
);
const text = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(""));

const letters = (name: string) => {
  let n = 0;
  for (const ch of name) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
};

test("nextCell and referencedColumn find what the regular expressions find", () => {
  fc.assert(
    fc.property(text, (xml) => {
      const expected = [...xml.matchAll(CELL)].map((m) => {
        const ref = CELL_REF.exec(m[1])?.[1];
        return {
          start: m.index,
          end: m.index + m[0].length,
          tag: m[1],
          inner: m[2],
          col: ref ? letters(ref) : -1,
        };
      });
      const found = [];
      const span = newCellSpan();
      for (let at = 0; nextCell(xml, at, span); at = span.end) {
        found.push({
          start: span.start,
          end: span.end,
          tag: xml.slice(span.tagStart, span.tagEnd),
          inner: span.innerStart < 0 ? undefined : xml.slice(span.innerStart, span.innerEnd),
          col: referencedColumn(xml, span.tagStart, span.tagEnd),
        });
      }
      expect(found).toEqual(expected);
    }),
    { numRuns: 20000 },
  );
});
