// GET /api/meta – the corpus version (content hash of data/), its date, its size, and how to cite it
import { handleApi } from "@/lib/api/json-responses";
import { getDb } from "@/lib/db/client";
import { citeCorpus, getCorpusInfo } from "@/lib/meta/get-corpus-info";
import { buildPermalinks, originFromHeaders, resolveBaseUrl } from "@/lib/meta/permalinks";

export async function GET(request: Request) {
  return handleApi(async () => {
    const corpus = await getCorpusInfo(await getDb());
    const permalinks = buildPermalinks(resolveBaseUrl(originFromHeaders(request.headers)));
    return Response.json({ ...corpus, citation: citeCorpus(corpus, permalinks) });
  });
}
