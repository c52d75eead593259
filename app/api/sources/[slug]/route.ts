// GET /api/sources/<slug> – one source, its copies' texts cut at every quote, its voices
import { handleApi, jsonError, parseSlug } from "@/lib/api/json-responses";
import { getDb } from "@/lib/db/client";
import { getSource } from "@/lib/sources/get-source";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleApi(async () => {
    const parsed = parseSlug((await params).slug);
    if ("error" in parsed) return parsed.error;
    const source = await getSource(await getDb(), parsed.slug);
    return source ? Response.json(source) : jsonError(404, `No source with the slug "${parsed.slug}"`);
  });
}
