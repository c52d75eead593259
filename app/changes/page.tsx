import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getDb } from "@/lib/db/client";
import { findChangeHistory } from "@/lib/releases/find-releases";
import { ChangeList } from "../_components/change-list";

export const metadata: Metadata = {
  title: "Changes and releases",
  description: "Every release of the Voices corpus, with its notes and what it changed, entry by entry and field by field.",
};

const ENTITY_ORDER = ["voice", "quote", "evidence", "source", "document", "place"] as const;
const ENTITY_HEADINGS: Record<(typeof ENTITY_ORDER)[number], string> = {
  voice: "Voices",
  quote: "Quotes",
  evidence: "Evidence",
  source: "Sources",
  document: "Documents",
  place: "Places",
};

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

export default async function ChangesPage() {
  await connection();
  const groups = await findChangeHistory(await getDb());
  const releases = groups.flatMap((g) => (g.release ? [g.release] : []));
  return (
    <article className="changes-page">
      <h1>Changes and releases</h1>
      <p>
        A release is a numbered snapshot of the corpus that never changes afterwards. Cite a release, and the link in your citation opens
        exactly the words you cited, whatever changes later; each entry’s page lists what changed since. Releases are also in the API:{" "}
        <a href="/api/releases">/api/releases</a>.
      </p>
      {releases.length === 0 && <p className="empty">No release has been made yet: the corpus is all unreleased changes.</p>}
      {groups.map((group) => {
        const version = group.release?.version ?? null;
        const olderIndex = version === null ? 0 : releases.findIndex((r) => r.version === version) + 1;
        const older = releases[olderIndex] ?? null;
        const id = version ? `release-${version}` : "unreleased";
        return (
          <section key={id} id={id} aria-labelledby={`${id}-heading`} className="release">
            <h2 id={`${id}-heading`}>{group.release ? `Release ${group.release.version}, ${group.release.date}` : "Unreleased changes"}</h2>
            {group.release ? (
              <>
                <p className="release-notes">{group.release.notes}</p>
                <p className="help">
                  {plural(group.release.counts.voices, "voice")}, {plural(group.release.counts.quotes, "quote")},{" "}
                  {plural(group.release.counts.sources, "source")}. Checksum <code>{group.release.checksum}</code>.{" "}
                  <a href={`/api/releases/${group.release.version}/download`} download>
                    Download release {group.release.version}
                  </a>{" "}
                  (data package: CSV, SQLite and the documents).
                </p>
              </>
            ) : (
              <p className="help">
                The working data differs from release {older?.version}: these changes are served now, but no release holds them yet.
              </p>
            )}
            {group.changes.length === 0 ? (
              <p>{older ? "Nothing changed in the entries." : "The first release."}</p>
            ) : (
              ENTITY_ORDER.map((entity) => {
                const changes = group.changes.filter((c) => c.entity === entity);
                if (changes.length === 0) return null;
                return (
                  <section key={entity} aria-label={`${ENTITY_HEADINGS[entity]} changed in ${version ?? "unreleased changes"}`}>
                    <h3>
                      {ENTITY_HEADINGS[entity]} ({changes.length})
                    </h3>
                    <ChangeList changes={changes} linkVersion={version} removedVersion={older?.version ?? null} />
                  </section>
                );
              })
            )}
          </section>
        );
      })}
      <p>
        <Link href="/">Search all voices</Link>
      </p>
    </article>
  );
}
