/**
 * Just enough XML for the package's parts: attributes, text, escaping, and the top-level children of a
 * part so that one can be replaced or inserted in place while every other byte stays as it was.
 */
import { strFromU8, strToU8 } from "fflate";

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, body: string) => {
    if (body[0] !== "#") return ENTITIES[body] ?? whole;
    const code = body[1] === "x" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

// eslint-disable-next-line no-control-regex -- the characters escaped or dropped below
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** Text and attribute values; also the control characters XML 1.0 cannot carry at all. */
export function escapeXml(text: string): string {
  // Most texts need nothing: one scan instead of five.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      // eslint-disable-next-line no-control-regex -- these very characters are the ones XML forbids
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
  );
}

/**
 * The attributes of a start tag (`<c r="A1" s="2">`), or of the text after its name, unescaped; names
 * keep their prefix.
 */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
  // After the element's name: any white space (a tab or a line break may separate attributes too).
  const open = tag.search(/\s/);
  if (open < 0) return out;
  const body = tag.slice(open);
  for (let m = re.exec(body); m; m = re.exec(body)) out[m[1]] = unescapeXml(m[3] ?? m[4] ?? "");
  return out;
}

const ATTRIBUTE = /\s([A-Za-z_][\w.:-]*)\s*=\s*("[^"]*"|'[^']*')/g;

/** Where the attribute of that name stands in the start tag (with its leading space), if it does. */
function findAttribute(tag: string, name: string): { start: number; end: number } | undefined {
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tag); m; m = ATTRIBUTE.exec(tag)) {
    if (m[1] === name) return { start: m.index, end: m.index + m[0].length };
  }
  return undefined;
}

/** Sets (or with undefined removes) attributes of a start tag, keeping the others as written. */
export function withAttributes(tag: string, changes: Record<string, string | undefined>): string {
  let out = tag;
  for (const name of Object.keys(changes)) {
    const value = changes[name];
    const found = findAttribute(out, name);
    const written = value === undefined ? "" : ` ${name}="${escapeXml(value)}"`;
    if (found) out = out.slice(0, found.start) + written + out.slice(found.end);
    else if (value !== undefined) {
      const close = out.endsWith("/>") ? out.length - 2 : out.length - 1;
      out = `${out.slice(0, close).trimEnd()}${written}${out.slice(close)}`;
    }
  }
  return out;
}

/** The local name of a tag name: "x14:id" → "id". */
export const localName = (name: string) => name.slice(name.indexOf(":") + 1);

export interface XmlChild {
  /** Local name. */
  name: string;
  start: number;
  end: number;
}

/**
 * The direct children of the element whose content runs from `from` to `to`: their names and spans.
 * Comments, processing instructions and CDATA are skipped.
 */
export function childrenOf(xml: string, from: number, to: number): XmlChild[] {
  const children: XmlChild[] = [];
  let depth = 0;
  let current: XmlChild | undefined;
  let at = from;
  while (at < to) {
    const lt = xml.indexOf("<", at);
    if (lt < 0 || lt >= to) break;
    if (xml.startsWith("<!--", lt)) {
      at = xml.indexOf("-->", lt) + 3;
      continue;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      at = xml.indexOf("]]>", lt) + 3;
      continue;
    }
    if (xml[lt + 1] === "?") {
      at = xml.indexOf("?>", lt) + 2;
      continue;
    }
    const gt = tagEnd(xml, lt);
    const closing = xml[lt + 1] === "/";
    const selfClosing = xml[gt - 1] === "/";
    if (closing) {
      depth--;
      if (depth === 0 && current) {
        current.end = gt + 1;
        children.push(current);
        current = undefined;
      }
    } else {
      if (depth === 0) {
        const name = localName(/^<([^\s/>]+)/.exec(xml.slice(lt, Math.min(gt + 1, lt + 200)))?.[1] ?? "");
        current = { name, start: lt, end: gt + 1 };
        if (selfClosing) {
          children.push(current);
          current = undefined;
        }
      }
      if (!selfClosing) depth++;
    }
    at = gt + 1;
  }
  return children;
}

/** The index of the ">" that closes the tag opened at `lt`, skipping quoted attribute values. */
function tagEnd(xml: string, lt: number): number {
  let quote = "";
  for (let i = lt + 1; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ">") return i;
  }
  throw new Error("unterminated tag");
}

/** The span of the root element's content: after its start tag, before its end tag. */
export function rootContent(xml: string): { open: string; from: number; to: number } {
  let at = 0;
  for (;;) {
    const lt = xml.indexOf("<", at);
    if (lt < 0) throw new Error("no root element");
    if (xml[lt + 1] === "?" || xml[lt + 1] === "!") {
      at = tagEnd(xml, lt) + 1;
      continue;
    }
    const gt = tagEnd(xml, lt);
    const open = xml.slice(lt, gt + 1);
    if (open.endsWith("/>")) return { open, from: gt + 1, to: gt + 1 };
    return { open, from: gt + 1, to: xml.lastIndexOf("</") };
  }
}

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/**
 * A part whose root element names SpreadsheetML's namespace with a prefix (`<x:worksheet
 * xmlns:x="…/main"><x:sheetData>…`, as the Open XML SDK and some .NET writers do): its prefix, and
 * whether the root also declares the namespace as the default one.
 */
export interface MainPrefix {
  prefix: string;
  declaresDefault: boolean;
}

/**
 * The main-namespace prefix of a part, from its beginning: undefined when it has none (the usual
 * default namespace), null while the root's start tag is not complete yet.
 */
export function mainPrefixOf(head: string): MainPrefix | undefined | null {
  let at = 0;
  for (;;) {
    const lt = head.indexOf("<", at);
    if (lt < 0) return null;
    if (head[lt + 1] === "?" || head[lt + 1] === "!") {
      const end = head.indexOf(">", lt);
      if (end < 0) return null;
      at = end + 1;
      continue;
    }
    const gt = head.indexOf(">", lt);
    if (gt < 0) return null;
    const tag = head.slice(lt, gt + 1);
    const prefix = /^<([\w.-]+):/.exec(tag)?.[1];
    if (!prefix) return undefined;
    const declared = attributes(tag);
    if (declared[`xmlns:${prefix}`] !== MAIN_NS) return undefined;
    const defaultNs = declared.xmlns;
    // Unprefixed names would then be in another namespace: leave such a part as it is.
    if (defaultNs !== undefined && defaultNs !== MAIN_NS) return undefined;
    return { prefix, declaresDefault: defaultNs === MAIN_NS };
  }
}

const escapeRe = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The tags of a piece of a part, their main-namespace prefix cut ("<x:row" → "<row"). */
export function unprefixedTags(xml: string, main: MainPrefix): string {
  return xml.replace(new RegExp(`<(/?)${escapeRe(main.prefix)}:`, "g"), "<$1");
}

/**
 * For a part read piece by piece: each piece with the main-namespace prefix cut from its tags, up to its
 * last "<" (the rest waits for the next piece, in case a tag is split between them). `final` gives all
 * that is left.
 */
export function mainPrefixCutter(): (piece: string, final: boolean) => string {
  let main: MainPrefix | undefined | null = null;
  let held = "";
  return (piece, final) => {
    held += piece;
    if (main === null) main = mainPrefixOf(held);
    if (main === null && !final) return "";
    let cut = held.length;
    if (main && !final) {
      const lt = held.lastIndexOf("<");
      if (lt >= 0) cut = lt;
    }
    const out = main ? unprefixedTags(held.slice(0, cut), main) : held.slice(0, cut);
    held = held.slice(cut);
    return out;
  };
}

/**
 * The part with SpreadsheetML's elements unprefixed, as the rest of the adapter reads and edits them; the
 * root then declares the namespace as its default. `withMainPrefix` gives the exact text back.
 */
export function withoutMainPrefix(xml: string, main: MainPrefix): string {
  const bare = unprefixedTags(xml, main);
  if (main.declaresDefault) return bare;
  const root = rootContent(bare).open;
  const name = /^<[^\s/>]+/.exec(root)?.[0] ?? "";
  return bare.replace(root, `${name} xmlns="${MAIN_NS}"${root.slice(name.length)}`);
}

/** The (edited) part with its elements in SpreadsheetML's namespace prefixed again, new ones included. */
export function withMainPrefix(xml: string, main: MainPrefix): string {
  const root = rootContent(xml).open;
  // A part written anew (the tool's sheet in place of the user's) has no prefix to restore.
  if (main.declaresDefault || attributes(root)[`xmlns:${main.prefix}`] !== MAIN_NS) return xml;
  const out = xml.replace(root, root.replace(` xmlns="${MAIN_NS}"`, ""));
  // Every element without a prefix: those are the main namespace's (attributes take no default namespace).
  return out.replace(/<(\/?)(?![\w.-]+:)(?=[A-Za-z_])/g, `<$1${main.prefix}:`);
}

/** The text content of every `<t>` in a fragment, joined, leaving out phonetic runs. */
export function textOf(fragment: string): string {
  const visible = fragment.includes("<rPh") ? fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : fragment;
  let out = "";
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g;
  for (let m = re.exec(visible); m; m = re.exec(visible)) out += m[1];
  return unescapeXml(out);
}

// fflate's UTF-8 helpers use TextEncoder/TextDecoder where the platform has them (jsdom has not).
export const toBytes = (text: string) => strToU8(text);
export const fromBytes = (bytes: Uint8Array) => strFromU8(bytes);
