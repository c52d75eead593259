// GET /api/voices/<slug> – one voice with evidence, quotes and related voices
import { handleApi, parseSlug } from "@/lib/api/json-responses";
import { getDb } from "@/lib/db/client";
import { VoicesError } from "@/lib/errors";
import { getVoice } from "@/lib/voices/get-voice";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleApi(async () => {
    const slug = parseSlug((await params).slug);
    const voice = await getVoice(await getDb(), slug);
    if (!voice) throw new VoicesError("not_found", `No voice with the slug "${slug}"`);
    return Response.json(voice);
  });
}
