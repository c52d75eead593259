import type { CslItem, CslName } from "./csl-items";

// RIS in the original tag set, which every reference manager reads, written from our CSL
// items: TY NEWS / BLOG / DATA, the full date in DA (YYYY/MM/DD/, zero-padded) beside the
// year in PY, the access date in Y2 and a corpus entry's version in ET. Values are never
// wrapped (a wrapped URL or quote breaks importers). Read back by an independent parser in
// tests/citation/reference-manager-formats.test.ts.

const TYPES: Record<string, string> = { "article-newspaper": "NEWS", "post-weblog": "BLOG", dataset: "DATA" };

const risDate = (date: { "date-parts": number[][] } | undefined) => {
  const [y, m, d] = date?.["date-parts"][0] ?? [];
  if (y === undefined) return undefined;
  return `${String(y).padStart(4, "0")}/${m ? String(m).padStart(2, "0") : ""}/${d ? String(d).padStart(2, "0") : ""}/`;
};

const risName = (n: CslName) => n.literal ?? `${n.family}, ${n.given}`;

/** One line value: RIS has no escaping, so line breaks become spaces. */
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, " ");

export function formatRis(items: CslItem[]): string {
  return items
    .map((item) => {
      const lines: [string, string | undefined][] = [
        ["TY", TYPES[item.type] ?? "GEN"],
        ["ID", item.id],
        ...(item.author ?? []).map((a): [string, string] => ["AU", risName(a)]),
        ["TI", item.title],
        ["T2", item["container-title"]],
        ["PY", item.issued ? String(item.issued["date-parts"][0]![0]) : undefined],
        ["DA", risDate(item.issued)],
        ["Y2", risDate(item.accessed)],
        ["ET", item.version],
        ["M3", item.genre],
        ["PB", item.publisher],
        ["UR", item.URL],
        ["N1", item.note],
      ];
      return `${lines
        .filter((l): l is [string, string] => l[1] !== undefined && l[1] !== "")
        .map(([tag, value]) => `${tag}  - ${oneLine(value)}`)
        .join("\r\n")}\r\nER  - \r\n`;
    })
    .join("\r\n");
}
