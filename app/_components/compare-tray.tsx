"use client";

import Link from "next/link";
import { compareHref } from "@/lib/compare/compare-query";
import { useCompareTray } from "./compare-store";
import { COMPARE_LIMITS } from "@/lib/vocabulary";

/** The tray at the bottom of every page: the voices chosen for comparison. */
export function CompareTray() {
  const tray = useCompareTray();
  const ready = tray.voices.length >= COMPARE_LIMITS.min;
  return (
    <aside className="compare-tray" aria-label="Compare tray">
      <span className="tray-title">
        Compare ({tray.voices.length}/{COMPARE_LIMITS.max})
      </span>
      {tray.voices.length === 0 ? (
        <span className="help">Add voices with “Add to compare”.</span>
      ) : (
        <ul>
          {tray.voices.map((v) => (
            <li key={v.slug}>
              {v.name}{" "}
              <button
                type="button"
                className="tray-remove"
                onClick={() => tray.remove(v.slug)}
                aria-label={`Remove ${v.name} from the compare tray`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {ready ? (
        <Link className="tray-compare" href={compareHref(tray.voices.map((v) => v.slug))}>
          Compare
        </Link>
      ) : (
        tray.voices.length === 1 && <span className="help">Add one more to compare.</span>
      )}
      {tray.voices.length > 0 && (
        <button type="button" className="tray-clear" onClick={tray.clear}>
          Clear
        </button>
      )}
    </aside>
  );
}
