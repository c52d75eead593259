"use client";

import Link from "next/link";
import { STANCES, type Stance } from "@/lib/vocabulary";
import type { StanceCounts } from "@/lib/insights/build-insights";
import { cellLabel } from "./cell-label";

export type MatrixCountRow = { value: string; label: string; counts: StanceCounts; total: number; hrefs: Record<Stance, string> };

/**
 * The matrix's rows when each count links to its voices in the explorer. A client component
 * handed the rows as data: rendered on the server, fifty rows' cells, links and labels rode
 * in the page's React payload tag by tag, 900 bytes a row (decision 026).
 */
export function MatrixCountRows({ rows }: { rows: MatrixCountRow[] }) {
  return rows.map((r) => (
    <tr key={r.value}>
      <th scope="row">{r.label}</th>
      {STANCES.map((s) => (
        <td key={s}>
          {r.counts[s] === 0 ? (
            <span className="zero-cell">0</span>
          ) : (
            <Link href={r.hrefs[s]} aria-label={cellLabel(r.counts[s], r.label, s)}>
              {r.counts[s]}
            </Link>
          )}
        </td>
      ))}
      <td>{r.total}</td>
    </tr>
  ));
}
