// GET /api/sources/<slug> – one source, its copies' texts cut at every quote, its voices
import { handleApi, parseSlug } from "@/lib/api/json-responses";
import { getDb } from "@/lib/db/client";
import { VoicesError } from "@/lib/errors";
import { getSource } from "@/lib/sources/get-source";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleApi(async () => {
    const slug = parseSlug((await params).slug);
    const source = await getSource(await getDb(), slug);
    if (!source) throw new VoicesError("not_found", `No source with the slug "${slug}"`);
    return Response.json(source);
  });
}
