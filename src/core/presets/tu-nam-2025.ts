/**
 * "Từ năm 2025": chính quyền hai cấp (Luật Tổ chức chính quyền địa phương 2025): sở, ban, ngành; UBND
 * xã, phường, đặc khu; cơ quan ngành dọc. Reception at the Trung tâm Phục vụ hành chính công of tỉnh and
 * xã (Nghị định 118/2025/NĐ-CP). No facts: the decisions of each year are the user's to fill in.
 */
import { defaultCriteria, type Criterion } from "../criteria";
import { defaultSettings, type Settings } from "../settings";
import type { Preset } from "./types";

const BASIS_118 = "Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ";

function criteria(): Criterion[] {
  return defaultCriteria().map((c) =>
    c.code !== "IV.9"
      ? c
      : {
          ...c,
          title: "Tỷ lệ TTHC ngành dọc tiếp nhận tại Trung tâm Phục vụ hành chính công các cấp đạt 100%",
          basis: BASIS_118,
          sentenceEarned:
            "- {don_vi} đã triển khai {nguong}% thủ tục hành chính của {dv} (ngành dọc) tiếp nhận tại Trung tâm Phục vụ hành chính công {cac_cap}, do đó {dv} đạt {diem} điểm theo tiêu chí IV (số thứ tự 9) phụ lục kèm theo {ke_hoach} trên thang điểm 100 (các đơn vị khác không thực hiện hoặc thực hiện không đầy đủ theo {mot_cua}, nên 0 điểm nội dung này).",
          sentenceNone:
            "- Không có đơn vị ngành dọc triển khai {nguong}% thủ tục hành chính tiếp nhận tại Trung tâm Phục vụ hành chính công {cac_cap}, nên các đơn vị 0 điểm tại tiêu chí IV (số thứ tự 9) phụ lục kèm theo {ke_hoach}.",
        },
  );
}

/**
 * The letter of two-level government: Ban Thi đua - Khen thưởng within Sở Nội vụ, the one-stop rule of
 * Nghị định 118/2025, and the award conditions of Nghị định 152/2025/NĐ-CP (the default decree).
 */
function settings(): Settings {
  const s = defaultSettings();
  s.letter.recipient = "Sở Nội vụ (Ban Thi đua - Khen thưởng)";
  s.letter.oneStop = { reference: "Nghị định số 118/2025/NĐ-CP", date: "2025-06-09", issuer: "Chính phủ" };
  s.letter.requestSentence =
    "Để đảm bảo về điều kiện khen thưởng theo quy định tại {nghi_dinh}, {co_quan} đề nghị {kinh_gui} cho ý kiến đối với các đơn vị nêu trên và phản hồi trước ngày {han} để {co_quan} thực hiện các bước tiếp theo.";
  return s;
}

export const TU_NAM_2025: Preset = {
  id: "tu-nam-2025",
  label: "Từ năm 2025",
  description:
    "Chính quyền hai cấp: sở, ban, ngành; UBND xã, phường, đặc khu; cơ quan ngành dọc; Trung tâm Phục vụ hành chính công (Nghị định 118/2025/NĐ-CP).",
  criteria,
  settings,
};
