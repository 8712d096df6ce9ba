/** Dates as staff type them ("05/02/2024"), as Excel stores them (serial 45327) and as ISO text. */

/** Excel's serial day 0 is 1899-12-30 (keeping Lotus's leap-year bug for the days that matter). */
export function serialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

/** "05/02/2024", "5-2-2024", "2024-02-05" or a serial number → "2024-02-05"; undefined if not a date. */
export function toIsoDate(value: string | number): string | undefined {
  if (typeof value === "number") return value > 0 && value < 2958466 ? serialToIso(value) : undefined;
  const text = value.trim();
  let day: number, month: number, year: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
  if (match) [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    if (!match) return undefined;
    [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}

export function isoToVietnamese(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}
