import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { buildPermalinks, originFromHeaders, resolveBaseUrl, type Permalinks } from "./permalinks";

/**
 * The permalinks of the page being rendered: on PUBLIC_URL, or on the origin the request
 * came to; pinned to `release` (the corpus info's) when the page shows one.
 */
export const getRequestPermalinks = cache(async (release: string | null): Promise<Permalinks> =>
  buildPermalinks(resolveBaseUrl(originFromHeaders(await headers())), release),
);
