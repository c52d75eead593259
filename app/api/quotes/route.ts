// GET /api/quotes – quotes with their speaker's attributes, filtered like /api/voices
import { handleApi } from "@/lib/api/json-responses";
import { getDb } from "@/lib/db/client";
import { findQuotes } from "@/lib/quotes/find-quotes";
import { parseVoiceQuery } from "@/lib/search/voice-query";

export async function GET(request: Request) {
  return handleApi(async () => {
    const result = await findQuotes(await getDb(), parseVoiceQuery(new URL(request.url).searchParams));
    return Response.json({ total: result.total, items: result.items, query: { ...result.query, description: result.description } });
  });
}
