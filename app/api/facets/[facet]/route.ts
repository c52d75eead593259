// GET /api/facets/<facet> – every value of one facet with its count under the explorer's parameters, a page at a time
import { handleApi } from "@/lib/api/json-responses";
import { getDbAt } from "@/lib/releases/release-database";
import { parseVersionParam } from "@/lib/releases/version-param";
import { findFacetValues, parseFacetValuesRequest } from "@/lib/search/find-facet-values";
import { resolveFilterValues } from "@/lib/search/resolve-filter-values";
import { parseVoiceQuery } from "@/lib/search/voice-query";

export async function GET(request: Request, { params }: { params: Promise<{ facet: string }> }) {
  return handleApi(async () => {
    const searchParams = new URL(request.url).searchParams;
    const { facet, options } = parseFacetValuesRequest((await params).facet, searchParams);
    const db = await getDbAt(parseVersionParam(searchParams));
    const { query } = await resolveFilterValues(db, parseVoiceQuery(searchParams));
    const { options: _options, ...result } = await findFacetValues(db, query, facet!, options);
    return Response.json({ ...result, facetQ: options.facetQ });
  });
}
