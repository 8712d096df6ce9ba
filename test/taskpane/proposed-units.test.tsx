/**
 * @jest-environment jsdom
 */
/** A long list of proposed units comes a page at a time, every unit still reachable from it. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, within } from "@testing-library/react";
import type { UnitScore } from "../../src/core/scoring";
import { PROPOSED_PAGE, ProposedUnits } from "../../src/taskpane/sections/ProposedUnits";
import { installFluentStandIns } from "./dom-stubs";

beforeAll(installFluentStandIns);

const proposed = (i: number) =>
  ({
    unit: { row: 4 + i, name: `Đơn vị số ${i}` },
    scores: [{ code: "III", points: 30 }],
    total: 30,
    eligible: true,
  }) as unknown as UnitScore;

function rows(): string[] {
  const table = screen.getByRole("table", { name: "Đơn vị đề xuất khen thưởng" });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getAllByRole("cell")[0].textContent ?? "");
}

describe("the proposed units", () => {
  it("lists a short list whole, with no button", () => {
    const units = Array.from({ length: PROPOSED_PAGE }, (_, i) => proposed(i + 1));
    render(
      <FluentProvider theme={webLightTheme}>
        <ProposedUnits sheet="Theo dõi" nameColumn={1} units={units} />
      </FluentProvider>,
    );
    expect(rows()).toHaveLength(PROPOSED_PAGE);
    expect(screen.queryByRole("button", { name: /Hiện thêm/ })).toBeNull();
  });

  it("draws a long list a page at a time, in order, until every unit is shown", () => {
    const total = 2 * PROPOSED_PAGE + 30;
    const units = Array.from({ length: total }, (_, i) => proposed(i + 1));
    render(
      <FluentProvider theme={webLightTheme}>
        <ProposedUnits sheet="Theo dõi" nameColumn={1} units={units} />
      </FluentProvider>,
    );
    expect(rows()).toEqual(units.slice(0, PROPOSED_PAGE).map((u) => u.unit.name));
    expect(
      screen.getByText(
        `Còn ${total - PROPOSED_PAGE} đơn vị chưa hiện ở đây; cả ${total} đơn vị, với cách tính điểm của từng đơn vị, có trong “Tất cả đơn vị” (chọn “Đề xuất”).`,
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: `Hiện thêm ${PROPOSED_PAGE} đơn vị đề xuất` }));
    expect(rows()).toHaveLength(2 * PROPOSED_PAGE);
    fireEvent.click(screen.getByRole("button", { name: "Hiện thêm 30 đơn vị đề xuất" }));
    expect(rows()).toEqual(units.map((u) => u.unit.name));
    expect(screen.queryByRole("button", { name: /Hiện thêm/ })).toBeNull();
  });
});
