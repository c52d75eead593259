import { corpusError, type CorpusProblem } from "./corpus-error";
import type { LoadedCorpus } from "./load-corpus";
import { findContext } from "./find-context";
import { locateText } from "./locate-text";
import { normalizeText, type NormalizedText } from "./normalize-text";
import { parseDocument, type Block } from "./parse-document";
import type { VoiceEntry } from "./schema";
import type { Prisma } from "../db/generated/client";
import { foldFields, foldText } from "../search/fold-text";
import { EVIDENCED_ATTRIBUTES } from "../vocabulary";

// Turns a loaded corpus into the rows the database holds, checking everything that
// spans files: unique slugs and ids, known documents and places, and every quote and
// evidence span verbatim against its document. Collects all problems, then throws.

/** The rows exactly as the database takes them (Prisma's create inputs), so the seed inserts them as they are. */
export type CorpusRows = {
  version: string;
  versionDate: string;
  sources: (Prisma.SourceCreateManyInput & { authors: string[] })[];
  documents: Prisma.DocumentCreateManyInput[];
  places: Prisma.PlaceCreateManyInput[];
  voices: Prisma.VoiceCreateManyInput[];
  quotes: Prisma.QuoteCreateManyInput[];
  evidence: Prisma.EvidenceCreateManyInput[];
};

const UNITS = [
  "",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/** 48 → "forty-eight": sources spell ages out ("Fifty-year-old doctor Zarina"). */
export function spellNumber(n: number): string | null {
  if (n < 1 || n > 99) return null;
  if (n < 20) return UNITS[n]!;
  const unit = n % 10;
  return TENS[Math.floor(n / 10)]! + (unit ? `-${UNITS[unit]}` : "");
}

function mentionsAge(evidence: string, age: number): boolean {
  const digits = new RegExp(`(^|\\D)${age}(\\D|$)`);
  const spelled = spellNumber(age);
  return digits.test(evidence) || (spelled !== null && evidence.toLowerCase().includes(spelled));
}

/** The spans a text puts in double quotation marks (straight or typographic), normalised. */
function quotedSpans(text: string): string[] {
  return [...normalizeText(text).text.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.trim());
}

/**
 * The words a stance rationale puts in quotation marks that the person is not on record as
 * saying. A person's own words are a direct quote, or the words a paraphrase or an evidence
 * span itself puts in quotation marks; a reporter's paraphrase is not, so quoting it would
 * put the reporter's words in the person's mouth.
 */
export function findUnattributedQuotations(
  voice: Pick<VoiceEntry, "stanceRationale" | "quotes" | "age" | "city" | "occupation" | "heritage">,
): string[] {
  const own = [
    ...voice.quotes.filter((q) => q.kind === "direct").map((q) => normalizeText(q.text).text),
    ...voice.quotes.filter((q) => q.kind !== "direct").flatMap((q) => quotedSpans(q.text)),
    ...[voice.age, voice.city, voice.occupation, voice.heritage].flatMap((e) => (e ? quotedSpans(e.evidence) : [])),
  ];
  // A quotation may change the case of its first letter to fit the sentence around it.
  const firstLetterEither = (words: string) => [
    words,
    words.charAt(0).toUpperCase() + words.slice(1),
    words.charAt(0).toLowerCase() + words.slice(1),
  ];
  return quotedSpans(voice.stanceRationale).filter((words) => !own.some((text) => firstLetterEither(words).some((w) => text.includes(w))));
}

export function verifyCorpus(corpus: LoadedCorpus): CorpusRows {
  const problems: CorpusProblem[] = [];
  const rows: CorpusRows = {
    version: corpus.version,
    versionDate: corpus.versionDate,
    sources: [],
    documents: [],
    places: [],
    voices: [],
    quotes: [],
    evidence: [],
  };
  const normalized = new Map<string, NormalizedText>();
  const normalizedText = (id: string, text: string) => {
    if (!normalized.has(id)) normalized.set(id, normalizeText(text));
    return normalized.get(id)!;
  };
  // Contexts are cut from the Markdown parse, so they read as the source page shows them.
  const parsed = new Map<string, Block[]>();
  const parsedDocument = (id: string, text: string) => {
    if (!parsed.has(id)) parsed.set(id, parseDocument(text));
    return parsed.get(id)!;
  };

  // Places, and the spellings that resolve to them.
  const placeBySpelling = new Map<string, string>();
  for (const place of corpus.places) {
    if (rows.places.some((p) => p.slug === place.slug)) {
      problems.push({ file: "places.yaml", where: place.slug, message: "duplicate place slug" });
    }
    rows.places.push({
      slug: place.slug,
      name: place.name,
      region: place.region,
      country: place.country,
      latitude: place.lat,
      longitude: place.lon,
      note: place.note ?? null,
      aliases: place.aliases,
      searchText: foldFields([place.name, ...place.aliases, place.region, place.country]),
    });
    for (const spelling of [place.name, ...place.aliases]) {
      const other = placeBySpelling.get(spelling);
      if (other && other !== place.slug) {
        problems.push({ file: "places.yaml", where: place.slug, message: `"${spelling}" already names place "${other}"` });
      }
      placeBySpelling.set(spelling, place.slug);
    }
  }

  const sourceOfDocument = new Map<string, string>();
  const fileOfVoice = new Map<string, string>();
  const fileOfQuote = new Map<string, string>();

  for (const { file, data: source } of corpus.sources) {
    if (rows.sources.some((s) => s.slug === source.slug)) {
      problems.push({ file, where: "slug", message: `source slug "${source.slug}" is used by another source file` });
    }
    rows.sources.push({
      slug: source.slug,
      type: source.type,
      title: source.title,
      publisher: source.publisher,
      authors: source.authors,
      publishedAt: source.publishedAt,
      url: source.url,
      position: 0, // set below, once every source is known
    });

    const ownDocuments = new Set<string>();
    for (const entry of source.documents) {
      const loaded = corpus.documents.get(entry.id);
      if (!loaded) {
        problems.push({ file, where: `documents › ${entry.id}`, message: `no file ${corpus.dataDirLabel}/documents/${entry.id}.txt` });
        continue;
      }
      const claimedBy = sourceOfDocument.get(entry.id);
      if (claimedBy) {
        problems.push({ file, where: `documents › ${entry.id}`, message: `document is already listed by source "${claimedBy}"` });
        continue;
      }
      sourceOfDocument.set(entry.id, source.slug);
      ownDocuments.add(entry.id);
      rows.documents.push({
        id: entry.id,
        sourceSlug: source.slug,
        publisher: entry.publisher,
        publishedAt: entry.publishedAt,
        isPrimary: entry.primary,
        note: entry.note ?? null,
        sha256: loaded.sha256,
        text: loaded.text,
      });
    }
    const primary = source.documents.find((d) => d.primary)?.id;

    /** Resolves a span to its document and offsets, or records why it cannot. */
    const locate = (where: string, text: string, locator: { document?: string; occurrence?: number }) => {
      const documentId = locator.document ?? primary;
      if (!documentId || !ownDocuments.has(documentId)) {
        problems.push({ file, where, message: `document "${documentId}" is not one of this source's documents` });
        return null;
      }
      const document = corpus.documents.get(documentId)!;
      const result = locateText(document.text, text, locator.occurrence, normalizedText(documentId, document.text));
      if (!result.ok) {
        problems.push({
          file,
          where,
          message: `${result.reason}\n      text: "${text}"\n      document: ${corpus.dataDirLabel}/documents/${documentId}.txt`,
        });
        return null;
      }
      return { documentId, document, ...result.value };
    };

    source.voices.forEach((voice: VoiceEntry, voicePosition) => {
      const voiceWhere = `voice "${voice.slug}"`;
      const otherFile = fileOfVoice.get(voice.slug);
      if (otherFile) {
        problems.push({
          file,
          where: voiceWhere,
          message: `slug is already used in ${corpus.dataDirLabel}/${otherFile}; a person appears once`,
        });
        return;
      }
      fileOfVoice.set(voice.slug, file);

      let placeSlug: string | null = null;
      if (voice.city) {
        placeSlug = placeBySpelling.get(voice.city.value) ?? null;
        if (!placeSlug) {
          problems.push({
            file,
            where: `${voiceWhere} › city`,
            message: `"${voice.city.value}" is not a name or alias of any place in ${corpus.dataDirLabel}/places.yaml`,
          });
        }
        if (!voice.city.evidence.includes(voice.city.value)) {
          problems.push({ file, where: `${voiceWhere} › city`, message: `the evidence does not print "${voice.city.value}"` });
        }
      }
      for (const words of findUnattributedQuotations(voice)) {
        problems.push({
          file,
          where: `${voiceWhere} › stanceRationale`,
          message: `"${words}" stands in quotation marks but is not in this person's words (a direct quote, or words a paraphrase or evidence quotes); reword it without quotation marks`,
        });
      }
      if (voice.age && !mentionsAge(voice.age.evidence, voice.age.value)) {
        problems.push({ file, where: `${voiceWhere} › age`, message: `the evidence does not state the age ${voice.age.value}` });
      }

      rows.voices.push({
        slug: voice.slug,
        name: voice.name,
        isNamed: voice.named,
        age: voice.age?.value ?? null,
        ageAsOf: voice.age?.asOf ?? null,
        cityAsPrinted: voice.city?.value ?? null,
        placeSlug,
        occupation: voice.occupation?.value ?? null,
        heritage: voice.heritage?.value ?? null,
        role: voice.role,
        stance: voice.stance,
        stanceRationale: voice.stanceRationale,
        sourceSlug: source.slug,
        position: voicePosition,
        searchText: foldFields([voice.name, voice.occupation?.value, voice.city?.value, voice.heritage?.value]),
      });

      for (const attribute of EVIDENCED_ATTRIBUTES) {
        const stated = voice[attribute];
        if (!stated) continue;
        const found = locate(`${voiceWhere} › ${attribute} evidence`, stated.evidence, stated);
        if (found) {
          rows.evidence.push({
            voiceSlug: voice.slug,
            attribute,
            documentId: found.documentId,
            text: found.text,
            start: found.start,
            end: found.end,
          });
        }
      }

      voice.quotes.forEach((quote, quotePosition) => {
        const where = `${voiceWhere} › quote "${quote.id}"`;
        const otherQuoteFile = fileOfQuote.get(quote.id);
        if (otherQuoteFile) {
          problems.push({ file, where, message: `quote id is already used in ${corpus.dataDirLabel}/${otherQuoteFile}` });
          return;
        }
        fileOfQuote.set(quote.id, file);
        const found = locate(where, quote.text, quote);
        if (!found) return;
        rows.quotes.push({
          id: quote.id,
          voiceSlug: voice.slug,
          documentId: found.documentId,
          kind: quote.kind,
          text: found.text,
          start: found.start,
          end: found.end,
          context: findContext(parsedDocument(found.documentId, found.document.text), found),
          position: quotePosition,
          searchText: foldText(found.text),
        });
      });
    });
  }

  // Corpus order is publication order (undated sources last), whatever the file names.
  rows.sources
    .sort((a, b) => (a.publishedAt ?? "9999").localeCompare(b.publishedAt ?? "9999") || a.title.localeCompare(b.title))
    .forEach((source, position) => (source.position = position));

  const today = new Date().toISOString().slice(0, 10);
  if (corpus.versionDate > today) {
    problems.push({ file: "corpus.yaml", where: "date", message: `${corpus.versionDate} is in the future` });
  }
  const latest = rows.sources.reduce((max, s) => (s.publishedAt && s.publishedAt > max ? s.publishedAt : max), "");
  if (corpus.versionDate < latest) {
    problems.push({
      file: "corpus.yaml",
      where: "date",
      message: `${corpus.versionDate} is before the latest source it holds (${latest})`,
    });
  }

  for (const id of corpus.documents.keys()) {
    if (!sourceOfDocument.has(id)) {
      problems.push({ file: `documents/${id}.txt`, message: "no source file lists this document" });
    }
  }

  if (problems.length > 0) throw corpusError(problems, corpus.dataDirLabel);
  return rows;
}
