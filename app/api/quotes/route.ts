// GET /api/quotes – every matching quote as its own result, with its speaker, source and
// context; the explorer's parameters, facets counting quotes
import { handleApi } from "@/lib/api/json-responses";
import { getDbAt } from "@/lib/releases/release-database";
import { parseVersionParam } from "@/lib/releases/version-param";
import { findQuotes } from "@/lib/quotes/find-quotes";
import { resolveFilterValues } from "@/lib/search/resolve-filter-values";
import { parseVoiceQuery } from "@/lib/search/voice-query";

export async function GET(request: Request) {
  return handleApi(async () => {
    const params = new URL(request.url).searchParams;
    const db = await getDbAt(parseVersionParam(params));
    const { query } = await resolveFilterValues(db, parseVoiceQuery(params));
    const result = await findQuotes(db, query);
    return Response.json({
      total: result.total,
      items: result.items,
      facets: result.facets,
      moreFacetValues: result.moreFacetValues,
      query: { ...result.query, description: result.description, unsearchable: result.unsearchable, ranking: result.ranking },
    });
  });
}
