import Link from "next/link";
import type { ChangeGroup } from "@/lib/releases/find-releases";
import { ChangeList } from "../../../_components/change-list";

/** The releases in which this voice, its quotes or its evidence changed, and how, newest first. */
export function VoiceHistory({ history, version }: { history: ChangeGroup[]; version: string | null }) {
  const releases = history.flatMap((g) => (g.release ? [g.release] : []));
  const shown = history.filter((g) => g.changes.length > 0);
  const added = history.find((g) => g.changes.some((c) => c.entity === "voice" && c.change === "added"))?.release;
  const first = added ?? releases.at(-1);
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {first ? (
        <p>
          In the corpus since <Link href={`/changes#release-${first.version}`}>release {first.version}</Link> ({first.date}).
          {shown.length === 0 && " Unchanged since."}
          {version && ` This page shows release ${version}.`}
        </p>
      ) : (
        <p>No release holds this voice yet: it is among the unreleased changes.</p>
      )}
      {shown.length > 0 && (
        <ol className="history" reversed>
          {shown.map((group) => {
            const older =
              releases[releases.findIndex((r) => r.version === group.release?.version) + 1] ?? (group.release ? null : releases[0]);
            return (
              <li key={group.release?.version ?? "unreleased"}>
                <h3>
                  {group.release ? (
                    <Link href={`/changes#release-${group.release.version}`}>
                      Release {group.release.version}, {group.release.date}
                    </Link>
                  ) : (
                    <Link href="/changes#unreleased">Unreleased changes</Link>
                  )}
                </h3>
                <ChangeList changes={group.changes} linkVersion={group.release?.version ?? null} removedVersion={older?.version ?? null} />
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/**
 * Quotes of this voice that a release removed: their permalinks (#quote-<id>) still land
 * here, saying when and why, with the release that still holds the words.
 */
export function RemovedQuotes({ history }: { history: ChangeGroup[] }) {
  const releases = history.flatMap((g) => (g.release ? [g.release] : []));
  const removed = history.flatMap((group) =>
    group.changes
      .filter((c) => c.entity === "quote" && c.change === "removed")
      .map((change) => ({
        change,
        group,
        older: releases[releases.findIndex((r) => r.version === group.release?.version) + 1] ?? releases[0],
      })),
  );
  if (removed.length === 0) return null;
  return (
    <section aria-labelledby="removed-heading">
      <h2 id="removed-heading">Removed quotes</h2>
      <ul className="removed-quotes">
        {removed.map(({ change, group, older }) => (
          <li key={change.key} id={`quote-${change.key}`}>
            <p>
              <strong>{change.label}</strong> was removed{" "}
              {group.release ? `in release ${group.release.version} (${group.release.date})` : "in changes not yet released"}.
              {group.release && <> Why: {group.release.notes}</>}
            </p>
            {older && (
              <p>
                <Link href={`?version=${older.version}#quote-${change.key}`}>Read it as it was in release {older.version}</Link>
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
