// GET /api/voices/<slug> – one voice with evidence, quotes and related voices
import { handleApi, parseSlug } from "@/lib/api/json-responses";
import { getDb } from "@/lib/db/client";
import { explainNotFound } from "@/lib/releases/explain-not-found";
import { getDbAt } from "@/lib/releases/release-database";
import { parseVersionParam } from "@/lib/releases/version-param";
import { VoicesError } from "@/lib/errors";
import { getVoice } from "@/lib/voices/get-voice";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleApi(async () => {
    const slug = parseSlug((await params).slug);
    const url = new URL(request.url);
    const voice = await getVoice(await getDbAt(parseVersionParam(url.searchParams)), slug);
    if (!voice) {
      const explanation = await explainNotFound(await getDb(), new URL(`/voices/${slug}${url.search}`, url));
      throw new VoicesError("not_found", explanation?.message ?? `No voice with the slug "${slug}"`);
    }
    return Response.json(voice);
  });
}
