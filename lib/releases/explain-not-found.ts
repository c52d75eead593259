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
  const page = await explainMissingPage(db, url, kind, slug, version);
  if (page) return page;
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

/**
 * A page of an entry that exists, asked for with a `part` (a source's text) or `page` (a
 * voice's quotes) it does not have, or a `quote` it does not show: names the parameter.
 */
async function explainMissingPage(
  db: Database,
  url: URL,
  kind: "voices" | "sources",
  slug: string,
  version: string | null,
): Promise<NotFoundExplanation | null> {
  const name = kind === "sources" ? "part" : "page";
  const [number, quote] = [url.searchParams.get(name), url.searchParams.get("quote")];
  if (number === null && quote === null) return null;
  const exists = kind === "sources" ? await db.source.count({ where: { slug } }) : await db.voice.count({ where: { slug } });
  if (!exists) return null;
  const what = kind === "sources" ? "This source’s text" : "This voice’s list of quotes";
  const first = {
    href: `/${kind}/${slug}${version ? `?version=${version}` : ""}`,
    label: kind === "sources" ? "Read the text from its first part" : "See the first page of quotes",
  };
  const message =
    number !== null
      ? `${what} has no ${name} “${number.slice(0, 40)}”: \`${name}\` must be a whole number from 1 to the number of ${name}s.`
      : `${what} has no quote “${quote!.slice(0, 100)}”: \`quote\` must name a quote ${kind === "sources" ? "printed in it" : "of this voice"}.`;
  return { message, links: [first] };
}
