// GET /api/sources/<slug> – one source, its copies' texts cut at every quote, its voices
import { handleApi, parseSlug } from "@/lib/api/json-responses";
import { getDb } from "@/lib/db/client";
import { explainNotFound } from "@/lib/releases/explain-not-found";
import { getDbAt } from "@/lib/releases/release-database";
import { parseVersionParam } from "@/lib/releases/version-param";
import { VoicesError } from "@/lib/errors";
import { getSource } from "@/lib/sources/get-source";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleApi(async () => {
    const slug = parseSlug((await params).slug);
    const url = new URL(request.url);
    const source = await getSource(await getDbAt(parseVersionParam(url.searchParams)), slug);
    if (!source) {
      const explanation = await explainNotFound(await getDb(), new URL(`/sources/${slug}${url.search}`, url));
      throw new VoicesError("not_found", explanation?.message ?? `No source with the slug "${slug}"`);
    }
    return Response.json(source);
  });
}
