/**
 * A page or part number from the URL: a whole number from 1 to `count`, written plainly
 * ("2", not "02" or "2.0"), else null, which the page answers with a 404 naming the parameter.
 */
export function parsePageNumber(raw: string, count: number): number | null {
  if (!/^[1-9]\d{0,8}$/.test(raw)) return null;
  const n = Number(raw);
  return n <= count ? n : null;
}
