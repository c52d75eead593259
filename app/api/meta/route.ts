// GET /api/meta – the corpus version (content hash of data/), its date, its size, and how to cite it
import { handleApi } from "@/lib/api/json-responses";
import { getDbAt } from "@/lib/releases/release-database";
import { parseVersionParam } from "@/lib/releases/version-param";
import { citeCorpus, getCorpusInfo } from "@/lib/meta/get-corpus-info";
import { buildPermalinks, originFromHeaders, resolveBaseUrl } from "@/lib/meta/permalinks";

export async function GET(request: Request) {
  return handleApi(async () => {
    const corpus = await getCorpusInfo(await getDbAt(parseVersionParam(new URL(request.url).searchParams)));
    const permalinks = buildPermalinks(resolveBaseUrl(originFromHeaders(request.headers)), corpus.release);
    return Response.json({ ...corpus, citation: citeCorpus(corpus, permalinks) });
  });
}
