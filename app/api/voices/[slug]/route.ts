// GET /api/voices/<slug> – one voice with evidence, quotes and related voices
import { handleApi, jsonError, parseSlug } from "@/lib/api/json-responses";
import { getDb } from "@/lib/db/client";
import { getVoice } from "@/lib/voices/get-voice";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return handleApi(async () => {
    const parsed = parseSlug((await params).slug);
    if ("error" in parsed) return parsed.error;
    const voice = await getVoice(await getDb(), parsed.slug);
    return voice ? Response.json(voice) : jsonError(404, `No voice with the slug "${parsed.slug}"`);
  });
}
