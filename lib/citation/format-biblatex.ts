import type { CslItem, CslName } from "./csl-items";

// biblatex entries written from our CSL items, checked by `biber --tool --validate-datamodel`
// (tests/citation/reference-manager-formats.test.ts). citation-js's BibTeX output is classic BibTeX
// (`month = {mar 23}`, no dataset type, no urldate), which biber warns about on every entry.

/** LaTeX's special characters, escaped for a text field (not url, which biber reads verbatim). */
export function escapeLatex(text: string): string {
  return text.replace(/[\\{}$&%#_^~]/g, (c) =>
    c === "\\" ? "\\textbackslash{}" : c === "^" ? "\\textasciicircum{}" : c === "~" ? "\\textasciitilde{}" : `\\${c}`,
  );
}

const isoDate = (date: { "date-parts": number[][] } | undefined) =>
  date?.["date-parts"][0]?.map((n, i) => (i === 0 ? String(n).padStart(4, "0") : String(n).padStart(2, "0"))).join("-");

/** biblatex name lists: "Family, Given and …"; an organisation in braces, so it is never split into names. */
function names(list: CslName[]): string {
  return list
    .map((n) => (n.literal !== undefined ? `{${escapeLatex(n.literal)}}` : `${escapeLatex(n.family ?? "")}, ${escapeLatex(n.given ?? "")}`))
    .join(" and ");
}

const braced = (name: string | undefined) => name && `{${escapeLatex(name)}}`;

/**
 * The biblatex type and its own fields. biblatex's @article needs an author and @online a
 * URL; for a source without them, @misc with the periodical or blog as organisation keeps
 * what is known without inventing the rest (the biblatex manual, §2.1.1).
 */
function entryType(item: CslItem): { type: string; fields: [string, string | undefined][] } {
  const container = item["container-title"];
  if (item.type === "dataset") {
    return {
      type: "dataset",
      fields: [
        ["type", item.genre && escapeLatex(item.genre)],
        ["version", item.version && escapeLatex(item.version)],
        ["publisher", braced(item.publisher)],
      ],
    };
  }
  if (item.type === "post-weblog") {
    return item.URL
      ? { type: "online", fields: [["organization", braced(container)]] }
      : {
          type: "misc",
          fields: [
            ["organization", braced(container)],
            ["howpublished", "Blog post"],
          ],
        };
  }
  return item.author?.length
    ? {
        type: "article",
        fields: [
          ["journaltitle", container && escapeLatex(container)],
          ["entrysubtype", "newspaper"],
        ],
      }
    : {
        type: "misc",
        fields: [
          ["organization", braced(container)],
          ["howpublished", "Newspaper article"],
        ],
      };
}

/** One biblatex entry per item. */
export function formatBiblatex(items: CslItem[]): string {
  return items
    .map((item) => {
      const { type, fields } = entryType(item);
      const all: [string, string | undefined][] = [
        ["author", item.author?.length ? names(item.author) : undefined],
        ["title", escapeLatex(item.title)],
        ...fields,
        // an undated work: EDTF's fully unspecified year, which biblatex reads as "no date"
        ["date", isoDate(item.issued) ?? "XXXX"],
        ["url", item.URL],
        ["urldate", isoDate(item.accessed)],
        ["note", item.note && escapeLatex(item.note)],
      ];
      const body = all
        .filter((f): f is [string, string] => f[1] !== undefined && f[1] !== "")
        .map(([name, value]) => `  ${name} = {${value}},`)
        .join("\n");
      return `@${type}{${item["citation-key"]},\n${body}\n}\n`;
    })
    .join("\n");
}
