// GET /api/sources – every source with its copies and counts
import { handleApi } from "@/lib/api/json-responses";
import { getDbAt } from "@/lib/releases/release-database";
import { parseVersionParam } from "@/lib/releases/version-param";
import { findSources } from "@/lib/sources/find-sources";

export async function GET(request: Request) {
  return handleApi(async () =>
    Response.json({ items: await findSources(await getDbAt(parseVersionParam(new URL(request.url).searchParams))) }),
  );
}
