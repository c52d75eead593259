import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { buildPermalinks, originFromHeaders, resolveBaseUrl, type Permalinks } from "./permalinks";

/** The permalinks of the page being rendered: on PUBLIC_URL, or on the origin the request came to. */
export const getRequestPermalinks = cache(async (): Promise<Permalinks> =>
  buildPermalinks(resolveBaseUrl(originFromHeaders(await headers()))),
);
