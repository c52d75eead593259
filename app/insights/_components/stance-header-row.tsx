import { STANCE_LABELS, STANCES } from "@/lib/vocabulary";

/** A data table's header row: the row label's column, a column per stance, and "All" when totals are shown. */
export function StanceHeaderRow({ first, all = true }: { first: string; all?: boolean }) {
  return (
    <tr>
      <th scope="col">{first}</th>
      {STANCES.map((s) => (
        <th scope="col" key={s}>
          {STANCE_LABELS[s]}
        </th>
      ))}
      {all && <th scope="col">All</th>}
    </tr>
  );
}
