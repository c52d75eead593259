import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { CslItem } from "@/lib/citation/csl-items";
import {
  adaptItemForStyle,
  CITATION_STYLES,
  formatInText,
  formatQuotedIn,
  formatReference,
  registerStyle,
  renderCsl,
  type CitationStyle,
} from "@/lib/citation/format-citation";
import { buildEveryCorpusItem } from "../helpers/corpus-items";
import { PROJECT_ROOT } from "../helpers/paths";

// Every item the app cites, rendered by the official CSL styles from Debian's
// citation-style-language-styles (installed by .ci/run) through the same citeproc-js that
// citation-js ships, against the app's own output. Articles and blog posts must match
// exactly; corpus entries may differ only where docs/decisions/005-citation-styles.md lists a
// deliberate difference, with the manual's section.

const OFFICIAL_DIR = "/usr/share/citation-style-language/styles";
const OFFICIAL: Record<CitationStyle, string> = {
  apa: "apa.csl",
  mla: "modern-language-association.csl",
  chicago: "chicago-author-date.csl",
};
const STYLES = Object.keys(CITATION_STYLES) as CitationStyle[];
const DECISION = path.join(PROJECT_ROOT, "docs/decisions/005-citation-styles.md");

const official = (kind: "bibliography" | "citation", item: CslItem, style: CitationStyle) =>
  renderCsl(kind, adaptItemForStyle(item, style), `official-${style}`, "text");

let items: Awaited<ReturnType<typeof buildEveryCorpusItem>>;

beforeAll(async () => {
  for (const style of STYLES) {
    const file = path.join(OFFICIAL_DIR, OFFICIAL[style]);
    if (!existsSync(file)) throw new Error(`${file} is missing: install Debian's citation-style-language-styles (.ci/run does)`);
    registerStyle(`official-${style}`, readFileSync(file, "utf8"));
  }
  items = await buildEveryCorpusItem();
});

describe("the official styles are the editions the app claims", () => {
  it.each([
    ["mla", /MLA Handbook 9th edition|Modern Language Association 9th edition/],
    ["chicago", /Chicago Manual of Style 17th edition \(author-date\)/],
    ["apa", /American Psychological Association 7th edition/],
  ] as const)("%s", (style, title) => {
    const xml = readFileSync(path.join(OFFICIAL_DIR, OFFICIAL[style]), "utf8");
    expect(xml.match(/<title>([^<]*)<\/title>/)?.[1]).toMatch(title);
  });
});

describe("articles and blog posts: exactly what the official styles give", () => {
  it("covers both kinds of source", () => {
    expect(new Set(items.articles.map((a) => a.type))).toEqual(new Set(["article-newspaper", "post-weblog"]));
  });

  it.each(STYLES)("%s: every reference and in-text citation", (style) => {
    const differences = items.articles.flatMap((item) =>
      (["bibliography", "citation"] as const)
        .map((kind) => ({
          id: item.id,
          kind,
          ours: kind === "bibliography" ? formatReference(item, style) : formatInText(item, style),
          official: official(kind, item, style),
        }))
        .filter((d) => d.ours !== d.official),
    );
    expect(differences).toEqual([]);
  });

  it.each([
    ["apa", (person: string, inner: string) => `(${person}, as cited in ${inner})`],
    ["mla", (_person: string, inner: string) => `(qtd. in ${inner})`],
    ["chicago", (person: string, inner: string) => `(${person}, quoted in ${inner})`],
  ] as const)("%s: the person's words cited through the article wrap the official in-text citation", (style, wrap) => {
    for (const item of items.articles) {
      const inner = official("citation", item, style).replace(/^\(|\)$/g, "");
      expect(formatQuotedIn(item, style, "Gulmira")).toBe(wrap("Gulmira", inner));
    }
  });
});

/** The deliberate differences the decision record lists: | style | corpus entry | ours | official | section | */
function documentedDifferences(): { style: string; section: string }[] {
  const rows = readFileSync(DECISION, "utf8")
    .split("\n")
    .filter((line) => /^\|\s*(APA|MLA|Chicago)\b[^|]*\|\s*corpus entry/i.test(line));
  return rows.map((line) => {
    const cells = line.split("|").map((c) => c.trim());
    return { style: cells[1]!.split(/\s/)[0]!.toLowerCase(), section: cells.at(-2)! };
  });
}

describe("corpus entries: only the documented differences", () => {
  it("every documented difference names the manual's section", () => {
    const documented = documentedDifferences();
    expect(documented.length).toBeGreaterThan(0);
    for (const d of documented) expect(d.section, d.style).toMatch(/§\s?\d|ch\. \d|element/i);
  });

  it.each(STYLES)("%s: the entries differ from the official style if and only if the docs list a difference", (style) => {
    const entries = [...items.voiceEntries, ...items.quoteEntries.map((q) => q.item)];
    const differing = entries.filter((item) => formatReference(item, style) !== official("bibliography", item, style));
    const documented = documentedDifferences().some((d) => d.style === style);
    expect(differing.length === 0 ? "no difference" : "differs", `${style}: see ${path.relative(PROJECT_ROOT, DECISION)}`).toBe(
      documented ? "differs" : "no difference",
    );
  });
});
