/**
 * The tool's highlight rule on a second run, against the fake's Excel-like conditional formats: ids that
 * are priorities and shift after a delete (OfficeDev/office-js#5222), and rules made in Excel's UI whose
 * properties cannot be read (OfficeDev/office-js#6827, #6835).
 */
import type { CellRange } from "../../src/core/grid";
import { readWorkbook } from "../../src/excel/read";
import type { ConditionalFormatState, FakeExcel } from "./fake-excel";
import { emptySheet, parseA1 } from "./fake-excel";
import { fakeFromWorkbook, generatedWorkbook, scoreInFake, UNITS_SHEET } from "./fixtures";

const context = (fake: FakeExcel) => fake.context as unknown as Excel.RequestContext;
const dataSheet = (fake: FakeExcel) => fake.sheetByName(UNITS_SHEET);

function userRule(
  fake: FakeExcel,
  address: string,
  formula: string,
  extra: Partial<ConditionalFormatState> = {},
) {
  return {
    id: fake.newId("{cf-"),
    type: "Custom",
    range: parseA1(address),
    formula,
    fill: "FF0000",
    ...extra,
  };
}

async function scoredOnce(): Promise<{ fake: FakeExcel; tool: ConditionalFormatState }> {
  const fake = fakeFromWorkbook(await generatedWorkbook(30));
  await scoreInFake(fake);
  const rules = dataSheet(fake).conditionalFormats;
  expect(rules).toHaveLength(1);
  return { fake, tool: rules[0] };
}

const summary = (rules: ConditionalFormatState[]) =>
  rules.map((r) => [r.formula, `${r.range.top}:${r.range.bottom}`, r.fill]);

describe("the fake's conditional-format ids, as Excel's", () => {
  it("are positions in the range's collection, shifting after a delete, with new rules on top", async () => {
    const { fake, tool } = await scoredOnce();
    const sheet = dataSheet(fake);
    sheet.conditionalFormats.push(userRule(fake, "A4:A10", "=$A4=1"), userRule(fake, "B4:B10", "=$B4=2"));
    const proxy = context(fake).workbook.worksheets.getItem(UNITS_SHEET).getRange().conditionalFormats;
    proxy.load("items/id");
    await context(fake).sync();
    expect(proxy.items.map((item) => item.id)).toEqual(["0", "1", "2"]);
    proxy.getItem("0").delete();
    // Was 2 before the delete: the same request now finds nothing at 2.
    proxy.getItem("2").delete();
    await expect(context(fake).sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(sheet.conditionalFormats.map((r) => r.formula)).toEqual(["=$A4=1", "=$B4=2"]);
    expect(sheet.conditionalFormats).not.toContain(tool);
  });
});

describe("replacing the tool's highlight on a second run", () => {
  it("deletes every copy of the tool's rule and no rule of the user's, whatever their priorities", async () => {
    const { fake, tool } = await scoredOnce();
    const sheet = dataSheet(fake);
    // Priorities: tool, user, copy of the tool's rule, user. Deleting ids 0 then 2 would hit the last user rule.
    sheet.conditionalFormats = [
      tool,
      userRule(fake, "A4:A33", "=$A4=1"),
      { ...tool, id: fake.newId("{cf-"), range: { ...tool.range } },
      userRule(fake, "B4:B33", "=$B4=2"),
    ];
    await scoreInFake(fake);
    expect(summary(sheet.conditionalFormats)).toEqual([
      [tool.formula, `${tool.range.top}:${tool.range.bottom}`, tool.fill],
      ["=$A4=1", "3:32", "FF0000"],
      ["=$B4=2", "3:32", "FF0000"],
    ]);
  });

  it("keeps a user rule with the tool's formula over another range", async () => {
    const { fake, tool } = await scoredOnce();
    const sheet = dataSheet(fake);
    const shifted: CellRange = { ...tool.range, bottom: tool.range.bottom - 1 };
    sheet.conditionalFormats.push({ ...tool, id: fake.newId("{cf-"), range: shifted, fill: "00FF00" });
    await scoreInFake(fake);
    expect(sheet.conditionalFormats.map((r) => r.fill)).toEqual([tool.fill, "00FF00"]);
  });
});

describe("rules whose properties Excel cannot read", () => {
  it("does not read the rules of other sheets: one unreadable rule there fails nothing", async () => {
    const { fake } = await scoredOnce();
    const other = emptySheet("Ghi chú", "{sheet-notes}");
    fake.state.sheets.push(other);
    other.conditionalFormats.push(userRule(fake, "A1:A5", "=A1>0", { unreadable: true }));
    const { outcome } = await scoreInFake(fake);
    expect(outcome.units).toBe(30);
    expect(dataSheet(fake).conditionalFormats).toHaveLength(1);
  });

  it("survives an unreadable rule over the tool's own range, and still replaces the tool's rule", async () => {
    const { fake, tool } = await scoredOnce();
    const sheet = dataSheet(fake);
    const broken = userRule(fake, "C4:C10", "=$C4>0", { unreadable: true });
    sheet.conditionalFormats.unshift(broken);
    const first = fake.syncs.length;
    const { facts } = await readWorkbook(context(fake));
    expect(facts.customFormats).toEqual([
      expect.objectContaining({ sheet: UNITS_SHEET, id: "1", formula: tool.formula.slice(1) }),
    ]);
    // The failed request, then one request per rule.
    expect(fake.syncs.slice(first).length).toBeLessThanOrEqual(3 + 2 + 2);
    await scoreInFake(fake);
    expect(sheet.conditionalFormats).toHaveLength(2);
    expect(sheet.conditionalFormats).toContain(broken);
    expect(sheet.conditionalFormats.filter((r) => r.formula === tool.formula)).toHaveLength(1);
  });
});
