// The reader's scan of a cell's start tag finds r, s and t as the general attribute reader does, however
// the tag is spaced, quoted or escaped, and whatever other attributes it carries.
import fc from "fast-check";
import { cellAttributes } from "../../src/xlsx/package/sheet-read";
import { attributes } from "../../src/xlsx/package/xml";

const space = fc.constantFrom(" ", "  ", "\t", "\n", "\r\n", "", "\u000c", "\u00a0");
const name = fc.constantFrom("r", "s", "t", "xr:uid", "cm", "vm", "ph", "R", "rr", "_x", "1r", "s.1", "t-");
const value = fc.constantFrom("A1", "BC12", "3", "s", "inlineStr", "", "&amp;", "&#x41;1", "a'b", 'a"b', ">");
const attribute = fc
  .tuple(space, name, space, space, fc.constantFrom('"', "'"), value)
  .map(([lead, n, before, after, quote, v]) => {
    const text = quote === '"' ? v.replace(/"/g, "&quot;") : v.replace(/'/g, "&apos;");
    return `${lead}${n}${before}=${after}${quote}${text}${quote}`;
  });
const tag = fc
  .tuple(
    fc.array(fc.oneof(attribute, fc.constantFrom(" /", "=", '"', " x", " r=A1")), { maxLength: 5 }),
    space,
  )
  .map(([parts, end]) => parts.join("") + end);

test("cellAttributes reads r, s and t as attributes() does", () => {
  fc.assert(
    fc.property(tag, (text) => {
      const general = attributes(text);
      const fast = cellAttributes(text);
      expect({ r: fast.r, s: fast.s, t: fast.t }).toEqual({ r: general.r, s: general.s, t: general.t });
    }),
    { numRuns: 5000 },
  );
});
