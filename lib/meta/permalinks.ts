import { z } from "zod";

// Permalinks are built from slugs and quote ids written in the annotation files, which
// never change, on the public base URL of the deployment (PUBLIC_URL).

const PublicUrlSchema = z.url({ protocol: /^https?$/, error: "PUBLIC_URL must be an http(s) URL, e.g. https://voices.example.org" });

export function getPublicUrl(env: Record<string, string | undefined> = process.env): string {
  const parsed = PublicUrlSchema.safeParse(env.PUBLIC_URL || "http://localhost:3000");
  if (!parsed.success) throw new Error(parsed.error.issues[0]!.message);
  return parsed.data.replace(/\/+$/, "");
}

export const voicePermalink = (slug: string) => `${getPublicUrl()}/voices/${slug}`;
export const quotePermalink = (voiceSlug: string, quoteId: string) => `${getPublicUrl()}/voices/${voiceSlug}#quote-${quoteId}`;
