// What Zotero's "Embedded Metadata" translator (zotero/translators, "Embedded Metadata.js",
// which hands DC, PRISM and Open Graph tags to "RDF.js") makes of a page's meta tags, for
// the tags Voices sends, as those translators document it:
// - item type: a Highwire type tag wins (citation_journal_title → journalArticle,
//   citation_technical_report_institution → report, citation_conference_title →
//   conferencePaper, citation_book_title → bookSection, citation_dissertation_institution →
//   thesis); then RDF.js's precedence t.zotero > t.bib > t.prism > t.eprints > t.og > t.dc >
//   t.so > the default (citation_title: journalArticle); prism.genre "blogentry" → blogPost;
//   og:type "website" → webpage, "book" → book, "article" only a guess; DC.type a Zotero
//   type name as is, "dataset" → dataset, "newsitem" → newspaperArticle.
// - fields: Highwire first (citation_title, citation_date or citation_publication_date,
//   citation_publisher, citation_public_url, citation_author), then DC / PRISM (DC.date,
//   DC.publisher, prism.publicationName or DC.source, prism.edition → versionNumber),
//   og:site_name as publication for blog posts, web pages and newspaper articles; a missing
//   URL falls back to the canonical link, then the page's own address.
// It reads only what the page sends: the test asserts what Zotero would store.

type Tag = { key: string; value: string };

export type Captured = {
  itemType: string;
  title?: string;
  date?: string;
  publisher?: string;
  publicationTitle?: string;
  versionNumber?: string;
  url?: string;
  creators: string[];
};

export function readMetaTags(html: string): Tag[] {
  const head = html.slice(0, html.indexOf("</head>") + 1 || undefined);
  return [...head.matchAll(/<meta\s+([^>]*?)\/?>/g)].flatMap((m) => {
    const attrs = Object.fromEntries([...m[1]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!.toLowerCase(), decode(a[2]!)]));
    const key = attrs.name ?? attrs.property;
    return key && attrs.content ? [{ key, value: attrs.content }] : [];
  });
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

const HIGHWIRE_TYPES: Record<string, string> = {
  citation_journal_title: "journalArticle",
  citation_technical_report_institution: "report",
  citation_conference_title: "conferencePaper",
  citation_conference: "conferencePaper",
  citation_book_title: "bookSection",
  citation_inbook_title: "bookSection",
  citation_dissertation_institution: "thesis",
};
const ZOTERO_TYPES = ["dataset", "newspaperArticle", "blogPost", "journalArticle", "webpage", "report", "book"];

export function captureWithEmbeddedMetadata(html: string, pageUrl: string): Captured {
  const tags = readMetaTags(html);
  const first = (...keys: string[]) => keys.map((k) => tags.find((t) => t.key.toLowerCase() === k.toLowerCase())?.value).find(Boolean);
  const all = (key: string) => tags.filter((t) => t.key === key).map((t) => t.value);

  const hwType = tags.map((t) => HIGHWIRE_TYPES[t.key]).find(Boolean);
  const t: Record<string, string | undefined> = {};
  const genre = first("prism.genre", "prism:genre");
  if (genre === "blogentry") t.prism = "blogPost";
  const og = first("og:type");
  if (og === "website") t.og = "webpage";
  if (og === "book") t.og = "book";
  const dcType = first("DC.type", "dcterms.type");
  if (dcType) {
    if (ZOTERO_TYPES.includes(dcType)) t.dc = dcType;
    else if (dcType.toLowerCase() === "dataset") t.dc = "dataset";
    else if (dcType.toLowerCase().replace(/\s/g, "") === "newsitem") t.dc = "newspaperArticle";
  }
  const guess = first("citation_title") ? "journalArticle" : "webpage";
  const itemType = hwType ?? t.prism ?? t.og ?? t.dc ?? guess;

  const canonical = html.match(/<link rel="canonical" href="([^"]*)"/)?.[1];
  const date = first(
    "citation_date",
    "citation_publication_date",
    "og:published_time",
    "article:published_time",
    "DC.date",
    "dcterms.date",
  );
  return {
    itemType,
    title: first("citation_title", "DC.title", "og:title"),
    date: date?.replace(/\//g, "-"),
    publisher: first("citation_publisher", "DC.publisher"),
    publicationTitle:
      first("citation_journal_title", "prism.publicationName", "DC.source") ??
      (["blogPost", "webpage", "newspaperArticle"].includes(itemType) ? first("og:site_name") : undefined),
    versionNumber: first("prism.edition", "bibo.edition"),
    url: first("citation_public_url") ?? canonical ?? pageUrl,
    creators: all("citation_author").length ? all("citation_author") : all("DC.creator"),
  };
}
