import { isDeepStrictEqual } from "node:util";
import type { Snapshot, SnapshotEntity } from "./corpus-snapshot";

// What changed between two snapshots of the corpus, entry by entry and field by field: the
// history a reader sees on /changes and on a voice's page. Order within a file (`position`)
// is not a change a reader needs to know about, so it is left out.

type ChangeKind = "added" | "removed" | "edited";

export type CorpusChange = {
  entity: "source" | "document" | "place" | "voice" | "quote" | "evidence";
  /** The entry's permalink id: a slug, a quote id, or <voice>/<attribute> for evidence. */
  key: string;
  /** The voice the entry belongs to (a voice, its quotes, its evidence), else null. */
  voiceSlug: string | null;
  change: ChangeKind;
  /** For an edit, the field that changed; null for an entry added or removed. */
  field: string | null;
  before: unknown;
  after: unknown;
  /** How to name the entry to a reader. */
  label: string;
};

const IGNORED_FIELDS = new Set(["position"]);

function firstWords(text: string, count = 8): string {
  const words = text.split(/\s+/);
  return words.length > count ? `${words.slice(0, count).join(" ")}…` : text;
}

type Described<T> = { entity: CorpusChange["entity"]; key(row: T): string; voice(row: T): string | null; label(row: T): string };

function describers(voiceName: (slug: string) => string) {
  return {
    sources: { entity: "source", key: (r) => r.slug, voice: () => null, label: (r) => r.title },
    documents: { entity: "document", key: (r) => r.id, voice: () => null, label: (r) => r.id },
    places: { entity: "place", key: (r) => r.slug, voice: () => null, label: (r) => r.name },
    voices: { entity: "voice", key: (r) => r.slug, voice: (r) => r.slug, label: (r) => r.name },
    quotes: {
      entity: "quote",
      key: (r) => r.id,
      voice: (r) => r.voiceSlug,
      label: (r) => `${voiceName(r.voiceSlug)}: “${firstWords(r.text)}”`,
    },
    evidence: {
      entity: "evidence",
      key: (r) => `${r.voiceSlug}/${r.attribute}`,
      voice: (r) => r.voiceSlug,
      label: (r) => `${voiceName(r.voiceSlug)}: ${r.attribute}`,
    },
  } satisfies { [K in SnapshotEntity]: Described<Snapshot[K][number]> };
}

function diffRows<T extends object>(before: readonly T[], after: readonly T[], d: Described<T>): CorpusChange[] {
  const changes: CorpusChange[] = [];
  const old = new Map(before.map((row) => [d.key(row), row]));
  const now = new Map(after.map((row) => [d.key(row), row]));
  const entry = (row: T) => ({ entity: d.entity, key: d.key(row), voiceSlug: d.voice(row), label: d.label(row) });
  for (const [key, row] of now) {
    const was = old.get(key);
    if (!was) {
      changes.push({ ...entry(row), change: "added", field: null, before: null, after: null });
      continue;
    }
    for (const field of Object.keys(row) as (keyof T & string)[]) {
      if (IGNORED_FIELDS.has(field) || isDeepStrictEqual(was[field], row[field])) continue;
      changes.push({ ...entry(row), change: "edited", field, before: was[field] ?? null, after: row[field] ?? null });
    }
  }
  for (const [key, row] of old) {
    if (!now.has(key)) changes.push({ ...entry(row), change: "removed", field: null, before: null, after: null });
  }
  return changes;
}

/** Every difference from `before` to `after`: entries added, removed, and edited field by field. */
export function diffSnapshots(before: Snapshot, after: Snapshot): CorpusChange[] {
  const names = new Map([...before.voices, ...after.voices].map((v) => [v.slug, v.name]));
  const d = describers((slug) => names.get(slug) ?? slug);
  return [
    ...diffRows(before.sources, after.sources, d.sources),
    ...diffRows(before.documents, after.documents, d.documents),
    ...diffRows(before.places, after.places, d.places),
    ...diffRows(before.voices, after.voices, d.voices),
    ...diffRows(before.quotes, after.quotes, d.quotes),
    ...diffRows(before.evidence, after.evidence, d.evidence),
  ];
}
