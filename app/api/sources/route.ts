// GET /api/sources – every source with its copies and counts
import { handleApi } from "@/lib/api/json-responses";
import { getDb } from "@/lib/db/client";
import { findSources } from "@/lib/sources/find-sources";

export async function GET() {
  return handleApi(async () => Response.json({ items: await findSources(await getDb()) }));
}
