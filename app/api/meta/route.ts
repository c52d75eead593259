// GET /api/meta – the corpus version (content hash of data/), its size, and how to cite it
import { handleApi } from "@/lib/api/json-responses";
import { getDb } from "@/lib/db/client";
import { getCorpusInfo } from "@/lib/meta/get-corpus-info";

export async function GET() {
  return handleApi(async () => Response.json(await getCorpusInfo(await getDb())));
}
