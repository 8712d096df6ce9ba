/**
 * The SheetJS yardstick as a page (bundled by bench/web.ts into one HTML file): a file input, and a
 * "Tính điểm" button that reads the file's bytes, scores them as bench/sheetjs-scoring.ts does and writes
 * the workbook back to bytes (XLSX.write, type "array"), then says so in the words our page uses and
 * offers the bytes as a download, for the bench to check what it decided.
 */
import * as XLSX from "xlsx";
import { scoreWithSheetJS } from "./sheetjs-scoring";

const input = document.querySelector<HTMLInputElement>("input[type=file]")!;
const button = document.querySelector<HTMLButtonElement>("button")!;
const output = document.querySelector<HTMLOutputElement>("output")!;
let bytes: Uint8Array | undefined;

input.addEventListener("change", async () => {
  const file = input.files?.[0];
  if (!file) return;
  // As our page does before its button: the file is in memory when the click comes.
  bytes = new Uint8Array(await file.arrayBuffer());
  button.disabled = false;
});

button.addEventListener("click", () => {
  if (!bytes) return;
  const workbook = XLSX.read(bytes, { type: "array" });
  const decided = scoreWithSheetJS(XLSX, workbook);
  const written = XLSX.write(workbook, { type: "array", bookType: "xlsx" }) as ArrayBuffer;
  performance.mark("kstthc-scored-bytes");
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([written]));
  link.download = "sheetjs.xlsx";
  link.textContent = "Tải về";
  output.replaceChildren(`Đã tính điểm ${decided.units} đơn vị. `, link);
  output.dataset.decided = JSON.stringify(decided);
});
