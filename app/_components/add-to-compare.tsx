"use client";

import { useCompareTray } from "./compare-store";
import { COMPARE_LIMITS } from "@/lib/vocabulary";

export function AddToCompare({ slug, name }: { slug: string; name: string }) {
  const tray = useCompareTray();
  const added = tray.has(slug);
  return (
    <button
      type="button"
      className="add-to-compare"
      aria-pressed={added}
      disabled={!added && tray.full}
      title={!added && tray.full ? `The tray holds ${COMPARE_LIMITS.max} voices; remove one first` : undefined}
      onClick={() => (added ? tray.remove(slug) : tray.add({ slug, name }))}
    >
      {added ? "✓ In compare tray" : "Add to compare"}
      <span className="visually-hidden">{` ${name}`}</span>
    </button>
  );
}
