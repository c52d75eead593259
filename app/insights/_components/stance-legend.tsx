import { STANCE_LABELS, STANCES } from "@/lib/vocabulary";

/** The stance colours, for a chart or the map. */
export function StanceLegend() {
  return (
    <ul className="legend" aria-label="Colours">
      {STANCES.map((s) => (
        <li key={s}>
          <span className={`swatch fill-${s}`} aria-hidden="true" /> {STANCE_LABELS[s]}
        </li>
      ))}
    </ul>
  );
}
