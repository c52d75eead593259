import { z } from "zod";
import { COMPARE_LIMITS, SLUG_PATTERN } from "../vocabulary";

/** `v=slug,slug,…` (or repeated `v`): the voices to compare, in order, without duplicates. */
export const CompareQuerySchema = z
  .array(z.string())
  .transform((values) => [
    ...new Set(
      values
        .flatMap((v) => v.split(","))
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(
    z
      .array(z.string().regex(SLUG_PATTERN, { error: "is not a voice slug" }))
      .min(COMPARE_LIMITS.min, { error: `choose at least ${COMPARE_LIMITS.min} voices to compare` })
      .max(COMPARE_LIMITS.max, { error: `compare at most ${COMPARE_LIMITS.max} voices at a time` }),
  );

export function compareHref(slugs: string[]): string {
  return slugs.length ? `/compare?v=${slugs.join(",")}` : "/compare";
}
