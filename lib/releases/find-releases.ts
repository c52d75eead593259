import type { Database } from "../db/create-prisma-client";
import type { Prisma } from "../db/generated/client";
import type { CorpusChange } from "./diff-snapshots";
import type { ReleaseCounts } from "./plan-releases";

// The history the served database records (the seed writes it from data/releases/): the
// releases, what each changed, and what changed for one voice.

export type ReleaseChangeView = Omit<CorpusChange, "before" | "after"> & { before: unknown; after: unknown };

export type ReleaseSummary = {
  version: string;
  date: string;
  notes: string;
  checksum: string;
  counts: ReleaseCounts;
};

/** A group of changes: a release's, or (version null) the working data's unreleased ones. */
export type ChangeGroup = { release: ReleaseSummary | null; changes: ReleaseChangeView[] };

const changeSelect = {
  entity: true,
  key: true,
  voiceSlug: true,
  change: true,
  field: true,
  before: true,
  after: true,
  label: true,
  releaseVersion: true,
} as const;

type ChangeRow = {
  entity: string;
  key: string;
  voiceSlug: string | null;
  change: string;
  field: string | null;
  before: unknown;
  after: unknown;
  label: string;
};

function toChangeView(row: ChangeRow): ReleaseChangeView {
  return {
    entity: row.entity as CorpusChange["entity"],
    key: row.key,
    voiceSlug: row.voiceSlug,
    change: row.change as CorpusChange["change"],
    field: row.field,
    before: row.before ?? null,
    after: row.after ?? null,
    label: row.label,
  };
}

function toSummary(r: { version: string; date: string; notes: string; checksum: string; counts: unknown }): ReleaseSummary {
  return { version: r.version, date: r.date, notes: r.notes, checksum: r.checksum, counts: r.counts as ReleaseSummary["counts"] };
}

/** Every release, oldest first. */
export async function findReleases(db: Database): Promise<ReleaseSummary[]> {
  return (await db.release.findMany({ orderBy: { position: "asc" } })).map(toSummary);
}

/** Every release with what it changed, newest first, after the working data's unreleased changes (release null) if any. */
export async function findChangeHistory(db: Database, where: Prisma.ReleaseChangeWhereInput = {}): Promise<ChangeGroup[]> {
  const [releases, changes] = await Promise.all([
    db.release.findMany({ orderBy: { position: "desc" } }),
    db.releaseChange.findMany({ where, select: changeSelect, orderBy: { id: "asc" } }),
  ]);
  const groups: ChangeGroup[] = [];
  const unreleased = changes.filter((c) => c.releaseVersion === null);
  if (unreleased.length) groups.push({ release: null, changes: unreleased.map(toChangeView) });
  for (const release of releases) {
    groups.push({ release: toSummary(release), changes: changes.filter((c) => c.releaseVersion === release.version).map(toChangeView) });
  }
  return groups;
}

/** The release that removed an entry (a voice, a quote), with the last release that held it; null if it was never removed. */
export async function findRemoval(
  db: Database,
  entity: "voice" | "quote" | "source",
  key: string,
): Promise<{ removedIn: ReleaseSummary | null; lastHeldIn: ReleaseSummary | null; label: string } | null> {
  const change = await db.releaseChange.findFirst({
    where: { entity, key, change: "removed" },
    orderBy: { id: "desc" },
    include: { release: true },
  });
  if (!change) return null;
  const releases = await db.release.findMany({ orderBy: { position: "asc" } });
  const removedAt = change.release ? releases.findIndex((r) => r.version === change.releaseVersion) : releases.length;
  const lastHeld = releases[removedAt - 1];
  return {
    removedIn: change.release ? toSummary(change.release) : null,
    lastHeldIn: lastHeld ? toSummary(lastHeld) : null,
    label: change.label,
  };
}
