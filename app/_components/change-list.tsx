import Link from "next/link";
import { entityLabel, fieldLabel, formatChangeValue } from "@/lib/releases/describe-change";
import type { ReleaseChangeView } from "@/lib/releases/find-releases";

/** Where a changed entry lives, at the version given (null: the working data). */
function entryHref(change: ReleaseChangeView, version: string | null): string | null {
  const pin = version ? `?version=${version}` : "";
  if (change.entity === "voice" || change.entity === "evidence") return change.voiceSlug ? `/voices/${change.voiceSlug}${pin}` : null;
  if (change.entity === "quote") return change.voiceSlug ? `/voices/${change.voiceSlug}${pin}#quote-${change.key}` : null;
  if (change.entity === "source") return `/sources/${change.key}${pin}`;
  return null;
}

/**
 * Changes field by field: what changed, from what, to what. `linkVersion` is where the
 * entries' links lead (the release that made the change; removed entries link to the one
 * before, which still holds them).
 */
export function ChangeList({
  changes,
  linkVersion,
  removedVersion,
  showEntry = true,
}: {
  changes: ReleaseChangeView[];
  linkVersion: string | null;
  removedVersion: string | null;
  showEntry?: boolean;
}) {
  return (
    <ul className="change-list">
      {changes.map((change, i) => {
        const href = entryHref(change, change.change === "removed" ? removedVersion : linkVersion);
        const entry = href && change.change !== "removed" ? <Link href={href}>{change.label}</Link> : change.label;
        return (
          <li key={`${change.entity}-${change.key}-${change.field ?? change.change}-${i}`} className={`change change-${change.change}`}>
            {showEntry && (
              <>
                <span className="change-entity">{entityLabel(change.entity)}</span> {entry}
                {change.change === "removed" && href && (
                  <>
                    {" "}
                    (<Link href={href}>as it was in {removedVersion}</Link>)
                  </>
                )}
                {": "}
              </>
            )}
            {change.change === "edited" ? (
              <>
                {fieldLabel(change.field ?? "")} changed from <del>{formatChangeValue(change.field, change.before)}</del> to{" "}
                <ins>{formatChangeValue(change.field, change.after)}</ins>
              </>
            ) : (
              <strong>{change.change}</strong>
            )}
          </li>
        );
      })}
    </ul>
  );
}
