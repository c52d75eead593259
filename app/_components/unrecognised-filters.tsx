import { FACETS } from "@/lib/search/facets";
import type { ResolvedFilters } from "@/lib/search/resolve-filter-values";

/** Says which filter values in the URL name nothing, so a page never narrows (or fails to) in silence. */
export function UnrecognisedFilters({ values }: { values: ResolvedFilters["unrecognised"] }) {
  if (values.length === 0) return null;
  const label = (parameter: string) => FACETS.find((facet) => facet.key === parameter)?.label ?? parameter;
  const one = values.length === 1;
  return (
    <div className="notice" role="alert">
      <p>{`${one ? "This filter value was" : "These filter values were"} not recognised, so ${one ? "it is" : "they are"} not applied:`}</p>
      <ul>
        {values.map((v) => (
          <li key={`${v.parameter}:${v.value}`}>{`${label(v.parameter)}: “${v.value}”`}</li>
        ))}
      </ul>
    </div>
  );
}
