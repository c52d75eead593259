import Link from "next/link";
import type { ChangeGroup } from "@/lib/releases/find-releases";
import { ChangeList } from "./change-list";

/**
 * At the top of an entry read at a release (`?version=`): which release this is, a link to
 * the current version, and what changed in the entry since.
 */
export function ReleaseBanner({
  version,
  history,
  currentHref,
  entry,
}: {
  version: string;
  history: ChangeGroup[];
  currentHref: string;
  entry: "voice" | "source";
}) {
  const index = history.findIndex((g) => g.release?.version === version);
  const release = history[index]?.release;
  const since = history.slice(0, Math.max(index, 0)).flatMap((g) => g.changes);
  return (
    <aside className="notice release-banner" aria-label="Release">
      <p>
        You are reading this {entry} as it was in <Link href={`/changes#release-${version}`}>release {version}</Link>
        {release ? `, of ${release.date}` : ""}.{" "}
        {since.length === 0 ? (
          <>
            It has not changed since: <Link href={currentHref}>the current version</Link> is the same.
          </>
        ) : (
          <>
            It has changed since: <Link href={currentHref}>read the current version</Link>.
          </>
        )}
      </p>
      {since.length > 0 && (
        <details>
          <summary>
            {since.length === 1 ? "1 change" : `${since.length} changes`} since release {version}
          </summary>
          <ChangeList changes={since} linkVersion={null} removedVersion={version} showEntry={entry === "source"} />
        </details>
      )}
    </aside>
  );
}
