/** @jest-environment jsdom */
/**
 * The add-in (the pane over the fake Excel port) on the 2025 province at scale, 117 units and 110 above
 * 80: the letter it writes on "Tổng hợp" counts the units by group, attaches their list, says the
 * one-stop criterion has no figures, and the pane names the groups by their canonical labels.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { TextEncoder as NodeTextEncoder } from "node:util";
import { cellText } from "../../src/core/grid";
import { SUMMARY_SHEET } from "../../src/core/plan/summary-sheet";
import { App } from "../../src/taskpane/App";
import { provinceSheet, provinceUnits } from "../helpers/province-2025";
import { gridsOf } from "../helpers/workbooks";
import { FakePort } from "./fake-port";
import { installFluentStandIns } from "./dom-stubs";

// jsdom has no TextEncoder, which every browser has and the Word writer uses.
globalThis.TextEncoder ??= NodeTextEncoder as typeof TextEncoder;
beforeAll(installFluentStandIns);

it("writes the counted letter and its list on “Tổng hợp”, and offers the dossier of 110 collectives", async () => {
  const port = new FakePort(await gridsOf([provinceSheet()]));
  render(
    <FluentProvider theme={webLightTheme}>
      <App port={port} />
    </FluentProvider>,
  );
  await screen.findByText("117 đơn vị");
  fireEvent.click(screen.getByRole("button", { name: "Tính điểm" }));
  await screen.findByText("Đề xuất khen thưởng 110 đơn vị:", { exact: false });

  const summary = port.grids.find((g) => g.name === SUMMARY_SHEET);
  const texts = (summary?.values ?? []).flat().map((v) => cellText(v));
  const body = texts.join("\n");
  expect(body).toContain(
    "- 110 đơn vị, gồm 10 sở, ban, ngành và 100 UBND cấp xã (có danh sách kèm theo) đạt trên 80 điểm",
  );
  expect(body).toContain("- Tiêu chí IV.9 phụ lục kèm theo Quyết định số …/QĐ-UBND: chưa có số liệu");
  expect(body).not.toMatch(/0 điểm tại tiêu chí IV/);
  const listAt = texts.indexOf("DANH SÁCH ĐƠN VỊ ĐẠT TIÊU CHÍ III");
  expect(listAt).toBeGreaterThan(0);
  const listed = texts.slice(listAt);
  for (const u of provinceUnits().filter((x) => x.score > 80)) expect(listed).toContain(u.name);
  // The groups as the pane's distribution names them: the labels, not the table's "UBND xã, phường, đặc khu".
  expect(texts).toContain("UBND cấp xã");
  expect(texts).not.toContain("UBND xã, phường, đặc khu");

  fireEvent.click(screen.getAllByRole("button", { name: "Tải bộ hồ sơ (.zip)" })[0]);
  await waitFor(() => expect(port.dossiers).toHaveLength(1), { timeout: 20_000 });
  expect(port.dossiers[0].map((f) => f.kind)).toEqual(["cong-van", "danh-sach", "to-trinh"]);
}, 60_000);
