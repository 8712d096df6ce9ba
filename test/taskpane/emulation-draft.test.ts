/** The draft's emulation settings: rating rows and yes/no settings edited, checked and saved (issue 26). */
import { defaultCriteria } from "../../src/core/criteria";
import { defaultSettings } from "../../src/core/settings";
import {
  draftErrors,
  draftOf,
  isDirty,
  isYes,
  minShareError,
  minTotalError,
  settingsOf,
  withRatingAdded,
  withRatingEdited,
  withRatingRemoved,
  withYesNo,
  YES_NO_ROWS,
} from "../../src/taskpane/criteria-draft";

const rowNamed = (label: string) => {
  const row = YES_NO_ROWS.find((r) => r.label === label);
  if (!row) throw new Error(label);
  return row;
};

describe("the draft's emulation settings", () => {
  it("lists the two yes/no settings of the schema and turns them on and off", () => {
    expect(YES_NO_ROWS.map((r) => r.label)).toEqual([
      "Quy đổi tổng điểm về thang 100",
      "Xếp hạng trong khối",
    ]);
    const draft = draftOf(defaultCriteria(), defaultSettings());
    const on = withYesNo(draft, rowNamed("Xếp hạng trong khối"), true);
    expect(isYes(on, rowNamed("Xếp hạng trong khối"))).toBe(true);
    expect(isYes(draft, rowNamed("Xếp hạng trong khối"))).toBe(false);
    expect(settingsOf(on).emulation).toEqual({ ratings: [], convertTo100: false, rankInGroup: true });
    expect(isDirty(on, defaultCriteria(), defaultSettings())).toBe(true);
    expect(
      isDirty(withYesNo(on, rowNamed("Xếp hạng trong khối"), false), defaultCriteria(), defaultSettings()),
    ).toBe(false);
  });

  it("adds, edits and removes rating rows, numbers as typed, saved as numbers", () => {
    let draft = draftOf(defaultCriteria(), defaultSettings());
    draft = withRatingAdded(withRatingAdded(draft));
    draft = withRatingEdited(draft, 0, "label", " Hoàn thành xuất sắc ");
    draft = withRatingEdited(draft, 0, "minTotal", "90");
    draft = withRatingEdited(draft, 0, "minShare", "85,5");
    expect(draftErrors(draft)).toEqual([
      "Xếp loại thi đua 2, tên: Nhập tên xếp loại, ví dụ Hoàn thành xuất sắc.",
      "Xếp loại thi đua 2, điểm tối thiểu: Nhập một số từ 0 đến 100, ví dụ 85 hoặc 79,5.",
    ]);
    draft = withRatingRemoved(draft, 1);
    expect(draftErrors(draft)).toEqual([]);
    const settings = settingsOf(draft);
    expect(settings.emulation.ratings).toEqual([
      { label: "Hoàn thành xuất sắc", minTotal: 90, minShare: 85.5 },
    ]);
    // A draft of the saved settings shows the numbers as staff write them.
    expect(draftOf(defaultCriteria(), settings).ratings).toEqual([
      { label: "Hoàn thành xuất sắc", minTotal: "90", minShare: "85,5" },
    ]);
  });

  it("refuses a minimum outside 0–100 with a sentence at the field", () => {
    expect(minTotalError("101")).toBe("Điểm tối thiểu phải từ 0 đến 100.");
    expect(minTotalError("-1")).toBe("Điểm tối thiểu phải từ 0 đến 100.");
    expect(minTotalError("0")).toBeUndefined();
    expect(minShareError("100")).toBeUndefined();
    // Blank, as in the sheet: no floor on the criteria.
    expect(minShareError(" ")).toBeUndefined();
    expect(minShareError("120")).toBe("Tỷ lệ tối thiểu phải từ 0 đến 100%.");
    expect(minShareError("tám lăm")).toBe("Nhập một số từ 0 đến 100, ví dụ 85 hoặc 79,5.");
  });
});
