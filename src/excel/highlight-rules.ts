/// <reference types="office-js" />
/**
 * Finds the tool's own highlight rule (a custom conditional format) before a new run replaces it.
 *
 * Only the rules over the range the tool recorded are read (Range.conditionalFormats holds the formats
 * that intersect the range), in requests of their own: reading the properties of a rule throws on some
 * rules made in Excel's UI (OfficeDev/office-js#6827, #6835), and one such rule must not fail the read of
 * the workbook. A request that fails is retried rule by rule, and a rule that cannot be read is skipped:
 * it cannot be the tool's, whose rule the add-in wrote through this same API.
 */
import type { CellRange } from "../core/grid";
import { rangeAddress, withoutSheet } from "./address";
import type { CustomFormatFacts } from "./custom-format-facts";

/** The range where the tool recorded its highlight on a sheet. */
export interface HighlightScope {
  sheet: string;
  range: CellRange;
}

interface CustomLoad {
  sheet: string;
  scope: string;
  id: string;
  format: Excel.ConditionalFormat;
}

function queueDetails(custom: CustomLoad) {
  return {
    custom,
    rule: custom.format.custom.rule.load("formula"),
    areas: custom.format.getRanges().load("address"),
  };
}

type Details = ReturnType<typeof queueDetails>;

function toFacts({ custom, rule, areas }: Details): CustomFormatFacts {
  return {
    sheet: custom.sheet,
    scope: custom.scope,
    id: custom.id,
    address: withoutSheet(areas.address),
    formula: rule.formula.replace(/^=/, ""),
  };
}

/**
 * The custom conditional formats over each scope, with their ids in that scope's collection. Two syncs
 * when every rule can be read; one more per rule when one cannot; none when there is nothing to look for.
 */
export async function readHighlightRules(
  context: Excel.RequestContext,
  scopes: HighlightScope[],
): Promise<CustomFormatFacts[]> {
  if (scopes.length === 0) return [];
  const collections = scopes.map((scope) => ({
    sheet: scope.sheet,
    scope: rangeAddress(scope.range),
    collection: context.workbook.worksheets
      .getItem(scope.sheet)
      .getRange(rangeAddress(scope.range))
      .conditionalFormats.load("items/id,items/type"),
  }));
  try {
    await context.sync();
  } catch {
    // Not even the list of rules: nothing is known to be the tool's, so nothing will be deleted.
    return [];
  }
  const customs: CustomLoad[] = collections.flatMap(({ sheet, scope, collection }) =>
    collection.items
      .filter((format) => format.type === "Custom")
      .map((format) => ({ sheet, scope, id: format.id, format })),
  );
  if (customs.length === 0) return [];
  const all = customs.map(queueDetails);
  try {
    await context.sync();
    return all.map(toFacts);
  } catch {
    // One unreadable rule failed the whole request: read them one at a time and keep those that answer.
  }
  const found: CustomFormatFacts[] = [];
  for (const custom of customs) {
    const details = queueDetails(custom);
    try {
      await context.sync();
      found.push(toFacts(details));
    } catch {
      // A rule made in Excel's UI whose properties Office.js cannot read: not the tool's.
    }
  }
  return found;
}
