/** A number as reports write it: "1,8" (decimal comma), "1 083.6" (thin-space groups), "1.083,6". */
export const NUMBER_PATTERN = String.raw`\d{1,3}(?:[ \u00A0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;

export function parseNumber(text: string): number | null {
  let t = text.trim().replace(/[ \u00A0]/g, '');
  if (/^\d{1,3}(\.\d{3})+,\d+$/.test(t)) t = t.replace(/\./g, '');
  t = t.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}
