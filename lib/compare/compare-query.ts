import { z } from "zod";

export const COMPARE_LIMITS = { min: 2, max: 4 };

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
      .array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "is not a voice slug" }))
      .min(COMPARE_LIMITS.min, { error: `choose at least ${COMPARE_LIMITS.min} voices to compare` })
      .max(COMPARE_LIMITS.max, { error: `compare at most ${COMPARE_LIMITS.max} voices at a time` }),
  );

export function compareHref(slugs: string[]): string {
  return slugs.length ? `/compare?v=${slugs.join(",")}` : "/compare";
}
