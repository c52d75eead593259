import { z } from "zod";

// Permalinks are built from slugs and quote ids written in the annotation files, which
// never change, on the public base URL of the deployment: PUBLIC_URL when it is set;
// otherwise the origin the request came to (a page or API response links to where it is
// served); otherwise, outside any request (the CLI), http://localhost:3000.

const PublicUrlSchema = z.url({ protocol: /^https?$/, error: "PUBLIC_URL must be an http(s) URL, e.g. https://voices.example.org" });

export const FALLBACK_BASE_URL = "http://localhost:3000";

/** PUBLIC_URL without a trailing slash, or null when it is not set; throws when it is not an http(s) URL. */
export function getPublicUrl(env: Record<string, string | undefined> = process.env): string | null {
  if (!env.PUBLIC_URL) return null;
  const parsed = PublicUrlSchema.safeParse(env.PUBLIC_URL);
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  return parsed.data.replace(/\/+$/, "");
}

const HostSchema = z.string().regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/);

/**
 * The origin a request was made to, from its Host header (or a proxy's X-Forwarded-Host and
 * X-Forwarded-Proto); null when the headers name no usable host.
 */
export function originFromHeaders(headers: Pick<Headers, "get">): string | null {
  const host = (headers.get("x-forwarded-host") ?? headers.get("host"))?.split(",")[0]!.trim();
  if (!host || !HostSchema.safeParse(host).success) return null;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]!.trim();
  return `${proto === "https" ? "https" : "http"}://${host}`;
}

/** The base of every link: PUBLIC_URL, else the request's origin, else http://localhost:3000. */
export function resolveBaseUrl(requestOrigin: string | null = null, env: Record<string, string | undefined> = process.env): string {
  return getPublicUrl(env) ?? requestOrigin ?? FALLBACK_BASE_URL;
}

export type Permalinks = {
  base: string;
  corpus: string;
  voice(slug: string): string;
  quote(voiceSlug: string, quoteId: string): string;
  source(slug: string): string;
};

/**
 * Every permalink, on one base URL. Pinned to a release (`?version=1.1.0`) when the corpus
 * cited is one, so a citation made today opens the same words tomorrow, after later
 * releases; unreleased changes cannot be pinned, and their links open the working data.
 */
export function buildPermalinks(base: string, release: string | null = null): Permalinks {
  const pin = release ? `?version=${release}` : "";
  return {
    base,
    corpus: release ? `${base}/changes#release-${release}` : `${base}/`,
    voice: (slug) => `${base}/voices/${slug}${pin}`,
    quote: (voiceSlug, quoteId) => `${base}/voices/${voiceSlug}${pin}#quote-${quoteId}`,
    source: (slug) => `${base}/sources/${slug}${pin}`,
  };
}
