/**
 * @jest-environment jsdom
 */
/** The pane's criterion editor on the kinds and columns of a province's own table (issue 26). */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen } from "@testing-library/react";
import { useState } from "react";
import { defaultCriteria, type Criterion } from "../../src/core/criteria";
import { criteriaSheetRows } from "../../src/core/criteria-sheet/write";
import { defaultSettings } from "../../src/core/settings";
import { parseTiers } from "../../src/core/tiers";
import { criteriaOf, draftErrors, draftOf, isDirty, type Draft } from "../../src/taskpane/criteria-draft";
import { CriterionEditor } from "../../src/taskpane/sections/CriterionEditor";
import { installFluentStandIns } from "./dom-stubs";

beforeAll(installFluentStandIns);

function tieredCriteria(): Criterion[] {
  const [iii, iv9] = defaultCriteria();
  const parsed = parseTiers("≥ 90: 30; > 80: 20");
  if (!parsed.ok) throw new Error(parsed.detail);
  return [{ ...iii, kind: "tiers", operator: undefined, threshold: undefined, tiers: parsed.tiers }, iv9];
}

/** The editor of the first criterion over a draft kept in state; the latest draft is handed out. */
function renderEditor(criteria: Criterion[], seen: { draft?: Draft }) {
  function Harness() {
    const [draft, setDraft] = useState(() => draftOf(criteria, defaultSettings()));
    seen.draft = draft;
    return (
      <FluentProvider theme={webLightTheme}>
        <CriterionEditor
          value={draft.criteria[0]}
          disabled={false}
          onChange={(next) => setDraft({ ...draft, criteria: [next, ...draft.criteria.slice(1)] })}
        />
      </FluentProvider>
    );
  }
  render(<Harness />);
}

describe("the criterion editor on a province's table", () => {
  it("edits a criterion's tiers, refuses unreadable ones and a tier above the maximum", () => {
    const seen: { draft?: Draft } = {};
    const criteria = tieredCriteria();
    renderEditor(criteria, seen);
    const tiers = screen.getByRole("textbox", { name: /Các bậc/ }) as HTMLInputElement;
    expect(tiers.value).toBe("≥ 90: 30; > 80: 20");
    expect(screen.getByText("30 điểm khi điểm 766 theo bậc ≥ 90: 30; > 80: 20")).toBeTruthy();

    fireEvent.change(tiers, { target: { value: ">= 90: 30; > 80: 20; >= 70: 10" } });
    expect(draftErrors(seen.draft as Draft)).toEqual([]);
    expect(criteriaOf(seen.draft as Draft)[0].tiers).toEqual([
      { operator: ">=", bound: 90, points: 30 },
      { operator: ">", bound: 80, points: 20 },
      { operator: ">=", bound: 70, points: 10 },
    ]);

    fireEvent.change(tiers, { target: { value: "≥ 90 30" } });
    expect(screen.getByText(/^Không đọc được: bậc 1 \(“≥ 90 30”\) thiếu dấu hai chấm/)).toBeTruthy();
    expect(isDirty(seen.draft as Draft, criteria, defaultSettings())).toBe(true);

    fireEvent.change(tiers, { target: { value: "≥ 90: 35" } });
    expect(draftErrors(seen.draft as Draft)).toEqual([
      "Tiêu chí III, các bậc: Bậc 1 cho 35 điểm, vượt điểm tối đa 30.",
    ]);
  });

  it("sets what units the criterion does not fit get, and whether it needs evidence, as the sheet writes them", () => {
    const seen: { draft?: Draft } = {};
    renderEditor(defaultCriteria(), seen);
    fireEvent.click(screen.getByRole("checkbox", { name: /Cần minh chứng/ }));
    fireEvent.click(screen.getByRole("combobox", { name: "Khi không áp dụng" }));
    fireEvent.click(screen.getByRole("option", { name: /đủ điểm/ }));
    const [edited] = criteriaOf(seen.draft as Draft);
    expect(edited).toMatchObject({ needsEvidence: true, whenNotApplicable: "full" });
    const rows = criteriaSheetRows([edited], defaultSettings());
    expect(rows[2]).toContain("Khi không áp dụng");
    expect(rows[3]).toEqual(expect.arrayContaining(["đủ điểm", "Có"]));

    fireEvent.click(screen.getByRole("checkbox", { name: /Cần minh chứng/ }));
    expect(criteriaOf(seen.draft as Draft)[0].needsEvidence).toBeUndefined();
  });
});
