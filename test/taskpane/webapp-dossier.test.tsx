/** @jest-environment jsdom */
/**
 * The web page (the pane outside Office, in jsdom) on the 2025 province at scale, 117 units and 110
 * above 80: "Tải bộ hồ sơ (.zip)" saves the công văn (units counted, their list attached), the list of
 * the 110 collectives and the tờ trình citing Nghị định 152/2025, zipped in the page.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { unzipSync, strFromU8 } from "fflate";
import { TextEncoder as NodeTextEncoder } from "node:util";
import { WebApp } from "../../src/taskpane/WebApp";
import { provinceSheet, provinceUnits } from "../helpers/province-2025";
import { xlsxBytes } from "../helpers/workbooks";
import { captureDownloads, installBrowserApis, installFluentStandIns } from "./dom-stubs";

// jsdom has no TextEncoder, which every browser has and the Word writer uses.
globalThis.TextEncoder ??= NodeTextEncoder as typeof TextEncoder;
beforeAll(() => {
  installFluentStandIns();
  installBrowserApis();
});

/** The text of a .docx's body, its runs joined. */
function documentText(docx: Uint8Array): string {
  const xml = strFromU8(unzipSync(docx)["word/document.xml"]);
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
}

it("saves the dossier of 110 collectives as one .zip", async () => {
  const capture = captureDownloads();
  try {
    render(
      <FluentProvider theme={webLightTheme}>
        <WebApp />
      </FluentProvider>,
    );
    const bytes = await xlsxBytes([provinceSheet()]);
    fireEvent.change(screen.getByLabelText("Chọn tệp Excel (.xlsx)"), {
      target: { files: [new File([bytes.slice()], "tinh-2025.xlsx")] },
    });
    await screen.findByText("117 đơn vị", undefined, { timeout: 20_000 });
    fireEvent.click(screen.getByRole("button", { name: "Tính điểm" }));
    await screen.findByText(/^Đã tính điểm 117 đơn vị\./, undefined, { timeout: 20_000 });

    fireEvent.click(screen.getAllByRole("button", { name: "Tải bộ hồ sơ (.zip)" })[0]);
    await waitFor(() => expect(capture.downloads).toHaveLength(1), { timeout: 20_000 });
    const [zip] = capture.downloads;
    expect([zip.fileName, zip.type]).toEqual(["ho-so-khen-thuong-2025.zip", "application/zip"]);
    const files = unzipSync(await zip.bytes());
    expect(Object.keys(files)).toEqual([
      "cong-van-de-xuat-khen-thuong-2025.docx",
      "danh-sach-tap-the-de-nghi-khen-thuong-2025.docx",
      "to-trinh-de-nghi-khen-thuong-2025.docx",
    ]);
    const [letter, list, submission] = Object.values(files).map(documentText);
    expect(letter).toContain("110 đơn vị, gồm 10 sở, ban, ngành và 100 UBND cấp xã (có danh sách kèm theo)");
    expect(letter).toContain("DANH SÁCH ĐƠN VỊ ĐẠT TIÊU CHÍ III");
    for (const u of provinceUnits().filter((x) => x.score > 80)) expect(list).toContain(u.name);
    expect(submission).toContain("Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ");
  } finally {
    capture.restore();
  }
}, 90_000);
