/** Reads a .docx back for tests: unzips it and parses its XML parts into a small element tree. */
import JSZip from "jszip";
import { SaxesParser } from "saxes";

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Text directly inside the element. */
  text: string;
}

/** Parses well-formed XML; saxes throws on anything Word would refuse to open as XML. */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: "#document", attrs: {}, children: [], text: "" };
  const stack = [root];
  const parser = new SaxesParser();
  parser.on("opentag", (tag) => {
    const element: XmlElement = {
      name: tag.name,
      attrs: { ...(tag.attributes as Record<string, string>) },
      children: [],
      text: "",
    };
    stack[stack.length - 1].children.push(element);
    stack.push(element);
  });
  parser.on("closetag", () => void stack.pop());
  parser.on("text", (text) => (stack[stack.length - 1].text += text));
  parser.on("cdata", (text) => (stack[stack.length - 1].text += text));
  parser.write(xml).close();
  return root;
}

/** Direct children with that name. */
export const kids = (node: XmlElement, name: string): XmlElement[] =>
  node.children.filter((c) => c.name === name);

export const kid = (node: XmlElement, name: string): XmlElement | undefined => kids(node, name)[0];

/** Descendants with that name, in document order. */
export function all(node: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (n: XmlElement) => {
    for (const c of n.children) {
      if (c.name === name) found.push(c);
      walk(c);
    }
  };
  walk(node);
  return found;
}

/** The visible text of a paragraph, cell or table: its w:t elements joined (field codes are w:instrText). */
export const textOf = (node: XmlElement): string =>
  (node.name === "w:t" ? [node] : all(node, "w:t")).map((t) => t.text).join("");

/** Path of attributes, e.g. attr(p, "w:pPr", "w:jc")("w:val"). */
export function find(node: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let current = node;
  for (const name of path) current = current && kid(current, name);
  return current;
}

export const val = (node: XmlElement | undefined, attr = "w:val"): string | undefined => node?.attrs[attr];

export interface OpenedDocx {
  files: string[];
  raw: Record<string, string>;
  document: XmlElement;
  body: XmlElement;
  styles: XmlElement;
  settings: XmlElement;
  /** Header parts by relationship id. */
  headers: Map<string, XmlElement>;
}

export async function openDocx(bytes: Uint8Array): Promise<OpenedDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const files = Object.keys(zip.files).filter((f) => !zip.files[f].dir);
  const raw: Record<string, string> = {};
  for (const file of files.filter((f) => f.endsWith(".xml") || f.endsWith(".rels"))) {
    raw[file] = await zip.file(file)!.async("string");
  }
  const parsed = (file: string) => {
    if (!(file in raw)) throw new Error(`${file} is missing from the .docx`);
    return parseXml(raw[file]);
  };
  const document = parsed("word/document.xml");
  const rels = all(parsed("word/_rels/document.xml.rels"), "Relationship");
  const headers = new Map<string, XmlElement>();
  for (const rel of rels.filter((r) => r.attrs.Type.endsWith("/header"))) {
    headers.set(rel.attrs.Id, parsed(`word/${rel.attrs.Target}`));
  }
  return {
    files,
    raw,
    document,
    body: find(document, "w:document", "w:body")!,
    styles: parsed("word/styles.xml"),
    settings: parsed("word/settings.xml"),
    headers,
  };
}

/** Run formatting as the tests compare it: font, half-point size, bold, italic. */
export interface RunFormat {
  font?: string;
  size?: number;
  bold: boolean;
  italics: boolean;
}

const on = (element: XmlElement | undefined) =>
  element !== undefined && !["false", "0", "off"].includes(element.attrs["w:val"] ?? "true");

export function runFormat(run: XmlElement): RunFormat {
  const rPr = kid(run, "w:rPr");
  const size = val(find(rPr, "w:sz"));
  return {
    font: val(find(rPr, "w:rFonts"), "w:ascii"),
    size: size === undefined ? undefined : Number(size),
    bold: on(find(rPr, "w:b")),
    italics: on(find(rPr, "w:i")),
  };
}

/** The formats of a paragraph's text runs, which must agree: each block of the letter is one style. */
export function paragraphFormat(paragraph: XmlElement): RunFormat {
  const formats = kids(paragraph, "w:r").map(runFormat);
  if (formats.length === 0) throw new Error(`paragraph without runs: “${textOf(paragraph)}”`);
  for (const f of formats) expect(f).toEqual(formats[0]);
  return formats[0];
}
