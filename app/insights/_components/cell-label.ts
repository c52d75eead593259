import { STANCE_LABELS, type Stance } from "@/lib/vocabulary";

/** A matrix cell's name for a screen reader: "12 voices: Karaganda, Supports neutrality". */
export const cellLabel = (count: number, row: string, stance: Stance) =>
  `${count} ${count === 1 ? "voice" : "voices"}: ${row}, ${STANCE_LABELS[stance]}`;
