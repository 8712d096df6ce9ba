/**
 * The shared string table: read whole (cells refer to it by index), appended to when the tool writes a
 * string it does not hold yet. A string already there as plain text is reused, so that a second run
 * over the tool's own output adds nothing.
 */
import { childrenOf, escapeXml, rootContent, textOf, unescapeXml } from "./xml";

/** An item that is one plain <t>: its text is the content, with no run or phonetic part to drop. */
const PLAIN_ITEM = /^<si>\s*<t(?: xml:space="preserve")?>([^<]*)<\/t>\s*<\/si>$/;

export class SharedStrings {
  readonly texts: string[] = [];
  private readonly plain = new Map<string, number>();
  private readonly added: string[] = [];

  constructor(private readonly xml: string | undefined) {
    if (!xml) return;
    const root = rootContent(xml);
    for (const child of childrenOf(xml, root.from, root.to)) {
      if (child.name !== "si") continue;
      const si = xml.slice(child.start, child.end);
      // Only an item that is one plain <t> stands for the same cell content as a new plain string.
      const plain = PLAIN_ITEM.exec(si);
      const text = plain ? unescapeXml(plain[1]) : textOf(si);
      if (plain && !this.plain.has(text)) this.plain.set(text, this.texts.length);
      this.texts.push(text);
    }
  }

  indexOf(text: string): number {
    const known = this.plain.get(text);
    if (known !== undefined) return known;
    const index = this.texts.length;
    this.texts.push(text);
    this.plain.set(text, index);
    this.added.push(text);
    return index;
  }

  get changed(): boolean {
    return this.added.length > 0 || !this.xml;
  }

  /** The part with the added strings; undefined when nothing was added. */
  toXml(): string | undefined {
    if (!this.changed) return undefined;
    const items = this.added
      .map((text) => {
        const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
        return `<si><t${space}>${escapeXml(text)}</t></si>`;
      })
      .join("");
    const xml =
      this.xml ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>`;
    const root = rootContent(xml);
    const count = (name: string, by: number) => (tag: string) =>
      tag.replace(new RegExp(`\\s${name}="(\\d+)"`), (_, n: string) => ` ${name}="${Number(n) + by}"`);
    let open = root.open;
    open = count("count", this.added.length)(open);
    open = count("uniqueCount", this.added.length)(open);
    if (open.endsWith("/>")) open = `${open.slice(0, -2).trimEnd()}>`;
    const start = xml.indexOf(root.open);
    const body = root.open.endsWith("/>") ? "" : xml.slice(root.from, root.to);
    return `${xml.slice(0, start)}${open}${body}${items}</sst>`;
  }
}
