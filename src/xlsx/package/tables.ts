/**
 * Excel table parts (ListObjects): what the preflight needs to know of them, and the widening of the
 * user's table over the output columns (see TableJoin): its ref, its filter's ref and its columns.
 */
import { parseRangeAddress, rangeAddress } from "../../core/grid";
import type { TableFacts, TableJoin } from "../../core/plan/preflight";
import { attributes, escapeXml, withAttributes } from "./xml";

export interface TablePart {
  part: string;
  facts: Omit<TableFacts, "sheet">;
}

export function readTable(part: string, xml: string): TablePart | undefined {
  const tag = /<table\b[^>]*>/.exec(xml)?.[0];
  if (!tag) return undefined;
  const a = attributes(tag);
  const range = parseRangeAddress(a.ref ?? "");
  if (!range) return undefined;
  return {
    part,
    facts: { name: a.displayName ?? a.name ?? "", range, showHeaders: a.headerRowCount !== "0" },
  };
}

/** The table part widened to `join.after`, with a column for each added header. */
export function joinTable(xml: string, join: TableJoin): string {
  const ref = rangeAddress(join.after);
  let out = xml.replace(/<table\b[^>]*>/, (tag) => withAttributes(tag, { ref }));
  out = out.replace(/<autoFilter\b[^>]*>/, (tag) => {
    const filter = parseRangeAddress(attributes(tag).ref ?? "");
    return filter ? withAttributes(tag, { ref: rangeAddress({ ...filter, right: join.after.right }) }) : tag;
  });
  const columns = /<tableColumns\b[^>]*>([\s\S]*?)<\/tableColumns>/.exec(out);
  if (!columns) return out;
  const tags = [...columns[1].matchAll(/<tableColumn\b[^>]*>/g)].map((m) => attributes(m[0]));
  const names = new Set(tags.map((t) => (t.name ?? "").toLowerCase()));
  let id = Math.max(0, ...tags.map((t) => Number(t.id) || 0));
  const added = join.added.map((header) => {
    // Excel wants the column names of a table distinct, as its header cells are.
    let name = header || `Cột ${id + 1}`;
    for (let n = 2; names.has(name.toLowerCase()); n++) name = `${header}${n}`;
    names.add(name.toLowerCase());
    return `<tableColumn id="${++id}" name="${escapeXml(name)}"/>`;
  });
  const open = columns[0].slice(0, columns[0].indexOf(">") + 1);
  const count = tags.length + added.length;
  const widened = `${withAttributes(open, { count: String(count) })}${columns[1]}${added.join("")}</tableColumns>`;
  return out.replace(columns[0], widened);
}
