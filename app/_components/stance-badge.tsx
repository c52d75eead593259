import { STANCE_LABELS, type Stance } from "@/lib/vocabulary";

export function StanceBadge({ stance }: { stance: Stance }) {
  return <span className={`stance stance-${stance}`}>{STANCE_LABELS[stance]}</span>;
}
