// GET /api/releases – every release of the corpus, oldest first, with its notes, checksum,
// counts, what it changed and where to download it; and whether the working data is one
import { handleApi } from "@/lib/api/json-responses";
import { getDb } from "@/lib/db/client";
import { getCorpusInfo } from "@/lib/meta/get-corpus-info";
import { buildPermalinks, originFromHeaders, resolveBaseUrl } from "@/lib/meta/permalinks";
import { findChangeHistory } from "@/lib/releases/find-releases";

export async function GET(request: Request) {
  return handleApi(async () => {
    const db = await getDb();
    const [corpus, history] = await Promise.all([getCorpusInfo(db), findChangeHistory(db)]);
    const base = resolveBaseUrl(originFromHeaders(request.headers));
    const releases = history.flatMap((g) => (g.release ? [{ ...g.release, changes: g.changes }] : [])).reverse();
    return Response.json({
      working: {
        version: corpus.version,
        versionDate: corpus.versionDate,
        release: corpus.release,
        unreleasedChanges: history.find((g) => g.release === null)?.changes ?? [],
      },
      releases: releases.map((r) => ({
        ...r,
        links: {
          changes: buildPermalinks(base, r.version).corpus,
          download: `${base}/api/releases/${r.version}/download`,
          api: `${base}/api/voices?version=${r.version}`,
        },
      })),
    });
  });
}
