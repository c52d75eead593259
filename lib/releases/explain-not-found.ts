import type { Database } from "../db/create-prisma-client";
import { VoicesError } from "../errors";
import { isSlug } from "../vocabulary";
import { findReleases, findRemoval } from "./find-releases";
import { parseVersionParam } from "./version-param";

export type NotFoundExplanation = { message: string; links: { href: string; label: string }[] };

const ALL_RELEASES = { href: "/changes", label: "See every release" };

/**
 * Why a page address found nothing, in words: a malformed or unknown `?version=`, an entry
 * a release removed (when, why, and the release that still holds it), or null when there is
 * nothing more to say than "not found".
 */
export async function explainNotFound(db: Database, url: URL): Promise<NotFoundExplanation | null> {
  let version: string | null;
  try {
    version = parseVersionParam(url.searchParams);
  } catch (error) {
    if (!(error instanceof VoicesError)) throw error;
    return {
      message: `“${url.searchParams.get("version")}” is not a version of the corpus: ${error.issues[0]?.message}.`,
      links: [ALL_RELEASES],
    };
  }
  const releases = await findReleases(db);
  if (version && !releases.some((r) => r.version === version)) {
    const known = releases.map((r) => r.version).join(", ");
    return {
      message: `No release “${version}” of the corpus. ${known ? `Releases: ${known}.` : "None has been made yet."}`,
      links: [ALL_RELEASES],
    };
  }
  const [, kind, slug] = url.pathname.split("/");
  if (kind === "quotes" && slug)
    return { message: `No quote “${slug}”${version ? ` in release ${version}` : ""} of the corpus.`, links: [ALL_RELEASES] };
  if ((kind !== "voices" && kind !== "sources") || !slug || !isSlug(slug)) return null;
  const entity = kind === "voices" ? "voice" : "source";
  if (version) return { message: `No ${entity} “${slug}” in release ${version} of the corpus.`, links: [ALL_RELEASES] };
  const removal = await findRemoval(db, entity, slug);
  if (!removal) return null;
  const when = removal.removedIn ? `in release ${removal.removedIn.version} (${removal.removedIn.date})` : "in changes not yet released";
  const why = removal.removedIn ? ` The release notes say why: ${removal.removedIn.notes}` : "";
  return {
    message: `${removal.label} was removed from the corpus ${when}.${why}`,
    links: removal.lastHeldIn
      ? [
          {
            href: `/${kind}/${slug}?version=${removal.lastHeldIn.version}`,
            label: `Read it as it was in release ${removal.lastHeldIn.version}`,
          },
        ]
      : [],
  };
}
