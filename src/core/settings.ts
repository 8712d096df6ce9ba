/** Settings that staff may change: rating bands, the award rule and everything the letter says. */

export interface RatingBands {
  /** Lower bounds, inclusive: Xuất sắc ≥ excellent, Tốt ≥ good, Khá ≥ fair, Trung bình ≥ average, else Yếu. */
  excellent: number;
  good: number;
  fair: number;
  average: number;
}

interface AwardRule {
  /** "fullPointsAny": earned the full points of at least one criterion (the plan of 2023); "minTotal": total ≥ minTotal. */
  kind: "fullPointsAny" | "minTotal";
  minTotal: number;
}

export interface Signer {
  /** "KT. CHÁNH VĂN PHÒNG". */
  authority: string;
  /** "PHÓ CHÁNH VĂN PHÒNG". */
  title: string;
  name: string;
}

export interface LetterSettings {
  /** "UBND TỈNH AN GIANG". */
  parentBody: string;
  /** "VĂN PHÒNG". */
  issuingBody: string;
  /** How the body names the issuer: "Văn phòng UBND tỉnh". */
  issuerName: string;
  /** The letter's number: blank until the letter is registered, and then written by hand. */
  number: string;
  /** "VPUBND-TH". */
  symbol: string;
  place: string;
  /** ISO date "2024-02-05"; "" until the letter is dated. */
  date: string;
  subject: string;
  recipient: string;
  legalBases: string[];
  /** The paragraph that opens the findings. */
  findingsIntro: string;
  /** "Quyết định số 568/QĐ-UBND": the campaign plan the criteria come from ({ke_hoach}). */
  planReference: string;
  /** ISO date of the plan's decision ({ngay_ke_hoach}), "" when not known. */
  planDate: string;
  /** "Quyết định số 21/QĐ-UBND": the published evaluation results ({ket_qua}). */
  resultsReference: string;
  /** ISO date of the results' decision ({ngay_ket_qua}), "" when not known. */
  resultsDate: string;
  /** "Chủ tịch UBND tỉnh". */
  awardAuthority: string;
  /** The title of the award without the year. */
  awardTitle: string;
  /** The assessment year ({nam}); null until the workbook, its file name or the user tells it. */
  year: number | null;
  /** "04/03/2024". */
  replyDeadline: string;
  proposalSentence: string;
  noProposalSentence: string;
  requestSentence: string;
  closingSentence: string;
  distribution: string[];
  signer: Signer;
}

/** One row of the "Xếp loại thi đua" table: a label the total earns when every floor holds. */
export interface EmulationRating {
  /** "Hoàn thành xuất sắc". */
  label: string;
  /** The total must reach it (inclusive). */
  minTotal: number;
  /** No criterion that counts for the unit may fall below this share (percent, 0–100) of its maximum. */
  minShare: number;
}

/** How the total of a province's own table is rated and ranked; the defaults change nothing. */
export interface EmulationSettings {
  /** The "Xếp loại thi đua" rows, best first; empty: no emulation rating. */
  ratings: EmulationRating[];
  /** Give the total on a 100-point scale: total × 100 ÷ the maximum of the criteria that count for the unit. */
  convertTo100: boolean;
  /** Rank the units within their group (an output column and the appendix). */
  rankInGroup: boolean;
}

export interface Settings {
  rating: RatingBands;
  award: AwardRule;
  letter: LetterSettings;
  emulation: EmulationSettings;
}

/** What the tool prints for a fact of the year it does not know: the clerk fills it in. */
export const UNKNOWN = "…";

/**
 * The letter of a year whose facts the tool does not know: the wording with placeholders, the facts
 * (decision numbers and dates, reply deadline, letter date, year) blank. A preset (src/core/presets)
 * fills the facts of the year it belongs to; blank facts print as "…" and raise one warning.
 */
const DEFAULT_LETTER: LetterSettings = {
  parentBody: "UBND TỈNH AN GIANG",
  issuingBody: "VĂN PHÒNG",
  issuerName: "Văn phòng UBND tỉnh",
  number: "",
  symbol: "VPUBND-TH",
  place: "An Giang",
  date: "",
  subject:
    "V/v lấy ý kiến đề xuất khen thưởng thành tích xuất sắc công tác kiểm soát thủ tục hành chính năm {nam}",
  recipient: "Sở Nội vụ (Ban thi đua khen thưởng)",
  legalBases: [
    "Căn cứ {ke_hoach} ngày {ngay_ke_hoach} của Ủy ban nhân dân tỉnh về Ban hành Kế hoạch phát động thi đua trong công tác kiểm soát thủ tục hành chính, cơ chế một cửa, một cửa liên thông và thực hiện thủ tục hành chính trên môi trường điện tử năm {nam};",
    "Căn cứ {ket_qua} ngày {ngay_ket_qua} của Ủy ban nhân dân tỉnh về công khai kết quả đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường điện tử của các cơ quan, đơn vị năm {nam} trên địa bàn tỉnh An Giang theo Quyết định số 766/QĐ-TTg ngày 23 tháng 6 năm 2022 của Thủ tướng Chính phủ;",
  ],
  findingsIntro:
    "Qua quá trình theo dõi, kiểm tra thực tế tại các đơn vị và kết quả đánh giá tại {ket_qua} nêu trên, {co_quan} nhận thấy:",
  planReference: "",
  planDate: "",
  resultsReference: "",
  resultsDate: "",
  awardAuthority: "Chủ tịch UBND tỉnh",
  awardTitle:
    "thành tích xuất sắc công tác kiểm soát thủ tục hành chính, cơ chế một cửa, một cửa liên thông và thực hiện thủ tục hành chính trên môi trường điện tử",
  year: null,
  replyDeadline: "",
  proposalSentence:
    "Từ các nội dung nêu trên, trên cơ sở {ke_hoach} của Ủy ban nhân dân tỉnh, {co_quan} dự kiến đề xuất {nguoi_khen} khen thưởng “{danh_hieu} năm {nam}” đối với các đơn vị: {don_vi}.",
  noProposalSentence:
    "Từ các nội dung nêu trên, trên cơ sở {ke_hoach} của Ủy ban nhân dân tỉnh, {co_quan} nhận thấy năm {nam} chưa có đơn vị đủ điều kiện để đề xuất {nguoi_khen} khen thưởng “{danh_hieu} năm {nam}”.",
  requestSentence:
    "Để đảm bảo về điều kiện khen thưởng, {co_quan} đề nghị {kinh_gui} cho ý kiến đối với các đơn vị nêu trên và phản hồi trước ngày {han} để {co_quan} thực hiện các bước tiếp theo.",
  closingSentence: "{co_quan} đề nghị đơn vị quan tâm, phối hợp thực hiện./.",
  distribution: ["Như trên;", "CT, các PCT UBND tỉnh (b/c);", "Lãnh đạo Vp. UBND tỉnh;", "Lưu: VT, TH."],
  signer: { authority: "KT. CHÁNH VĂN PHÒNG", title: "PHÓ CHÁNH VĂN PHÒNG", name: "" },
};

/** The facts of one year: never carried into another year's letter (see withoutFacts). */
const YEAR_FACTS = [
  "planReference",
  "planDate",
  "resultsReference",
  "resultsDate",
  "replyDeadline",
  "date",
  "number",
] as const satisfies readonly (keyof LetterSettings)[];

/** The letter settings with the facts of their year blanked, for a letter of another year. */
export function withoutFacts(letter: LetterSettings): LetterSettings {
  const blank = Object.fromEntries(YEAR_FACTS.map((key) => [key, ""]));
  return { ...letter, ...blank };
}

export const DEFAULT_RATING: RatingBands = { excellent: 90, good: 80, fair: 70, average: 50 };

export function defaultSettings(): Settings {
  return {
    rating: { ...DEFAULT_RATING },
    award: { kind: "fullPointsAny", minTotal: 0 },
    emulation: { ratings: [], convertTo100: false, rankInGroup: false },
    letter: {
      ...DEFAULT_LETTER,
      legalBases: [...DEFAULT_LETTER.legalBases],
      distribution: [...DEFAULT_LETTER.distribution],
      signer: { ...DEFAULT_LETTER.signer },
    },
  };
}
