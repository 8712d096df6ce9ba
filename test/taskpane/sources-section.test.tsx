/** @jest-environment jsdom */
/**
 * "Nguồn số liệu" in the web app: the portal's 766 export and a II.07b report opened beside the tracking
 * table, scored as the CLI scores them with --source; a source that cannot be used is named and kept out.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { readSourceFile } from "../../src/xlsx/source-file";
import { scorePackage } from "../../src/xlsx/package/score";
import { WorkbookPackage } from "../../src/xlsx/package/workbook-package";
import { loadWorkbook } from "../exceljs/workbook";
import { WebApp } from "../../src/taskpane/WebApp";
import {
  II07B_ROWS,
  PORTAL_HEADER,
  ii07b,
  portalExport,
  portalRow,
  tracking2025,
} from "../helpers/source-files";
import { snapshot, xlsxBytes } from "../helpers/workbooks";
import { captureDownloads, installBrowserApis, installFluentStandIns } from "./dom-stubs";

beforeAll(() => {
  installFluentStandIns();
  installBrowserApis();
});

let capture: ReturnType<typeof captureDownloads>;
beforeEach(() => (capture = captureDownloads()));
afterEach(() => capture.restore());

const fileOf = (bytes: Uint8Array, name: string) => new File([bytes.slice()], name);

function proposedNames(): string[] {
  const table = screen.getByRole("table", { name: "Đơn vị đề xuất khen thưởng" });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => within(row).getAllByRole("cell")[0].textContent ?? "");
}

async function openTrackingWithSources(sources: File[]) {
  render(
    <FluentProvider theme={webLightTheme}>
      <WebApp />
    </FluentProvider>,
  );
  const tracking = await xlsxBytes(tracking2025());
  fireEvent.change(screen.getByLabelText("Chọn tệp Excel (.xlsx)"), {
    target: { files: [fileOf(tracking, "theo-doi-2025.xlsx")] },
  });
  await screen.findByText("11 đơn vị", undefined, { timeout: 10_000 });
  fireEvent.click(screen.getByRole("button", { name: "Nguồn số liệu" }));
  fireEvent.change(screen.getByLabelText("Chọn tệp nguồn (.xlsx)"), { target: { files: sources } });
  return tracking;
}

it("joins the sources, shows how they met the table, and downloads what the CLI writes", async () => {
  const portal = await xlsxBytes(portalExport());
  const bieu = await xlsxBytes(ii07b(II07B_ROWS));
  const tracking = await openTrackingWithSources([
    fileOf(portal, "diem-766.xlsx"),
    fileOf(bieu, "bieu-ii07b.xlsx"),
  ]);
  const list = await screen.findByRole("list", { name: "Tệp nguồn đang dùng" }, { timeout: 10_000 });
  await waitFor(() => expect(within(list).getAllByText(/^Khớp \d+ đơn vị\./)).toHaveLength(2), {
    timeout: 10_000,
  });
  expect(within(list).getByText(/^Tệp “diem-766.xlsx”: Điểm Bộ chỉ số 766/)).toBeTruthy();
  expect(
    within(list).getByText(/Tệp có nhưng bảng không có: UBND phường Long Xuyên - tỉnh An Giang/),
  ).toBeTruthy();

  fireEvent.click(screen.getByRole("button", { name: "Tính điểm" }));
  await screen.findByText(/^Đã tính điểm \d+ đơn vị\./, undefined, { timeout: 10_000 });
  expect(proposedNames()).toEqual([
    "Sở Tư pháp",
    "Thanh tra tỉnh",
    "Sở Ngoại vụ",
    "Ủy ban nhân dân xã Đông Thái",
    "UBND đặc khu Phú Quốc",
    "Bảo hiểm xã hội tỉnh",
    "Kho bạc Nhà nước khu vực XX",
  ]);

  fireEvent.click(screen.getByRole("button", { name: "Tải về tệp đã tính điểm" }));
  const downloaded = await loadWorkbook(await capture.downloads[0].bytes(), "tai-ve.xlsx");
  const cli = WorkbookPackage.open(tracking, "cli.xlsx");
  scorePackage(cli, {
    sources: [await readSourceFile("diem-766.xlsx", portal), await readSourceFile("bieu-ii07b.xlsx", bieu)],
  });
  expect(snapshot(downloaded)).toEqual(snapshot(await loadWorkbook(cli.save(), "cli-out.xlsx")));

  // Keeping the table's figures changes the choice for Thuế tỉnh (100% in the table, 83,33% in II.07b).
  fireEvent.click(screen.getByRole("radio", { name: "Giữ số liệu của bảng theo dõi" }));
  fireEvent.click(screen.getByRole("button", { name: "Tính điểm" }));
  await waitFor(() => expect(proposedNames()).toContain("Thuế tỉnh An Giang"), { timeout: 10_000 });

  fireEvent.click(screen.getByRole("button", { name: "Bỏ tệp bieu-ii07b.xlsx" }));
  await waitFor(() => expect(within(list).queryByText(/bieu-ii07b/)).toBeNull(), { timeout: 10_000 });
});

it("names a source that cannot be used and keeps it out", async () => {
  const otherProvince = await xlsxBytes([
    {
      name: "Sở Ban",
      rows: [
        PORTAL_HEADER,
        portalRow(1, "Sở Tư pháp - tỉnh An Giang", "H01.12", 2, "93.75"),
        portalRow(2, "Sở Nội vụ - tỉnh An Giang", "H01.13", 2, "88"),
        portalRow(3, "Sở Y tế - tỉnh Đồng Tháp", "H02.12", 2, "70"),
      ],
    },
  ]);
  await openTrackingWithSources([fileOf(otherProvince, "tinh-khac.xlsx")]);
  expect(
    await screen.findByText(/^Tệp “tinh-khac.xlsx”: có đơn vị của tỉnh khác/, undefined, { timeout: 10_000 }),
  ).toBeTruthy();
  expect(screen.queryByRole("list", { name: "Tệp nguồn đang dùng" })).toBeNull();
});
