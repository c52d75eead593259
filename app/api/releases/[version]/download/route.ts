// GET /api/releases/<version>/download – the release as one zip archive: a Frictionless
// Data Package (datapackage.json and a CSV per table), its SQLite database, the documents
import { handleApi } from "@/lib/api/json-responses";
import { getDb } from "@/lib/db/client";
import { getDatabasePath } from "@/lib/db/database-path";
import { invalidInput, VoicesError } from "@/lib/errors";
import { buildPermalinks, originFromHeaders, resolveBaseUrl } from "@/lib/meta/permalinks";
import { findReleases } from "@/lib/releases/find-releases";
import { buildReleaseArchive, releaseArchiveName } from "@/lib/releases/release-archive";
import { getDbAt } from "@/lib/releases/release-database";
import { releaseDatabasePath } from "@/lib/releases/release-database-path";
import { VersionSchema } from "@/lib/releases/release-files";

export async function GET(request: Request, { params }: { params: Promise<{ version: string }> }) {
  return handleApi(async () => {
    const parsed = VersionSchema.safeParse((await params).version);
    if (!parsed.success) throw invalidInput([{ parameter: "version", message: parsed.error.issues[0]!.message }], "Invalid path parameter");
    const version = parsed.data;
    const releaseDb = await getDbAt(version); // a not_found naming the version if there is none
    const main = await getDb();
    const release = (await findReleases(main)).find((r) => r.version === version);
    if (!release) throw new VoicesError("not_found", `No release "${version}" of the corpus.`);
    const permalinks = buildPermalinks(resolveBaseUrl(originFromHeaders(request.headers)), version);
    const archive = await buildReleaseArchive(releaseDb, await releaseDatabasePath(main, getDatabasePath(), version), release, permalinks);
    return new Response(archive as BodyInit, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": `attachment; filename="${releaseArchiveName(version)}.zip"`,
        "Content-Length": String(archive.byteLength),
        "X-Corpus-Version": version,
      },
    });
  });
}
