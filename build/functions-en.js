/**
 * English metadata of the custom functions, written beside the Vietnamese functions.json that
 * custom-functions-metadata-plugin generates from src/functions/functions.ts. Excel reads the file the
 * manifest names for its language (a bt:Override Locale="en-US" on Functions.Metadata.Url): "create a
 * separate JSON metadata file for each language ... Excel only localizes the name and description
 * properties. The id is not localized" (learn.microsoft.com, "Name and localize custom functions").
 * The function names stay DIEM, XEPLOAI and DEXUAT in every language: formulas in a workbook keep working
 * whatever the language of the Excel that opens it; descriptions and parameter names are translated.
 */

const FILE = "functions-en-US.json";

const ENGLISH = {
  DIEM: {
    description:
      "Points of an emulation criterion for one value, or for each cell of a range (the result spills like the range).",
    parameters: {
      tieu_chi: [
        "criterion",
        'Criterion code, e.g. "III" (766 index score) or "IV.9" (share of procedures received at the one-stop desk).',
      ],
      gia_tri: [
        "value",
        'The criterion\'s figure, a cell or a range: a 766 score from 0 to 100; a one-stop share as a % cell (0 to 1), a number from 0 to 100 or text such as "96,5%". An empty cell earns 0 points.',
      ],
      tieu_chi_bang: [
        "criteria_table",
        "Optional: the criteria table, as on the \"Tiêu chí\" sheet (e.g. 'Tiêu chí'!A1:L60). Leave it out for the default criteria.",
      ],
    },
  },
  XEPLOAI: {
    description:
      'Rating by the 766 index score (Xuất sắc, Tốt, Khá, Trung bình, Yếu); or, given criteria_points, the emulation rating of a total under the criteria table\'s "Xếp loại thi đua" rows.',
    parameters: {
      diem_766: [
        "score_766",
        "The 766 index score (0–100), a cell or a range; or the emulation total (one column) when criteria_points is given. An empty cell or 0 gives an empty result.",
      ],
      tieu_chi_bang: [
        "criteria_table",
        "Optional: the \"Tiêu chí\" sheet's range with the rating bands (e.g. 'Tiêu chí'!A1:L60). Leave it out for the default bands 90, 80, 70, 50.",
      ],
      diem_cac_tieu_chi: [
        "criteria_points",
        "Optional: the unit's points per criterion, one row per unit, one column per criterion in the criteria table's order; an empty cell is a criterion that does not apply. With it the result is the emulation rating.",
      ],
    },
  },
  DEXUAT: {
    description:
      '"Có" when the unit is proposed for an award by its criteria points, "Không" otherwise; one row per unit.',
    parameters: {
      diem_cac_tieu_chi: [
        "criteria_points",
        "The unit's points per criterion, one row per unit, one column per criterion in the criteria table's order (by default: III, IV.9).",
      ],
      tieu_chi_bang: [
        "criteria_table",
        "Optional: the \"Tiêu chí\" sheet's range with the proposal rule (e.g. 'Tiêu chí'!A1:L60). Leave it out for the default: the full points of at least one criterion.",
      ],
    },
  },
};

/** The English functions-en-US.json for the generated (Vietnamese) functions.json; fails on anything untranslated. */
function englishMetadata(json) {
  const metadata = JSON.parse(json);
  const functions = metadata.functions.map((fn) => {
    const english = ENGLISH[fn.id];
    if (!english) throw new Error(`build/functions-en.js has no English for the custom function ${fn.id}.`);
    const parameters = (fn.parameters || []).map((parameter) => {
      const translated = english.parameters[parameter.name];
      if (!translated)
        throw new Error(`build/functions-en.js has no English for ${fn.id}'s parameter ${parameter.name}.`);
      return { ...parameter, name: translated[0], description: translated[1] };
    });
    return { ...fn, description: english.description, parameters };
  });
  return JSON.stringify({ ...metadata, functions }, null, 2);
}

module.exports = { FILE, englishMetadata };
