import type { Metadata } from "next";
import Link from "next/link";
import { AddToList } from "../_components/add-to-list";
import { buildCompareRows } from "@/lib/compare/build-compare-rows";
import { compareHref, CompareQuerySchema } from "@/lib/compare/compare-query";
import { getDb } from "@/lib/db/client";
import { getVoice, type VoiceDetail } from "@/lib/voices/get-voice";
import { buildSourceQuoteHref } from "@/lib/sources/source-quote-href";
import { DataLinks } from "../_components/data-links";
import { getRequestPermalinks } from "@/lib/meta/request-permalinks";
import { StanceBadge } from "../_components/stance-badge";
import { QuoteText } from "../_components/quote-text";
import { COMPARE_LIMITS } from "@/lib/vocabulary";

export const metadata: Metadata = { title: "Compare voices" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ComparePage({ searchParams }: Props) {
  const raw = (await searchParams).v;
  const parsed = CompareQuerySchema.safeParse(raw === undefined ? [] : [raw].flat());
  if (!parsed.success) {
    return (
      <section className="empty">
        <h1>Compare voices</h1>
        <p role="alert">{parsed.error.issues[0]!.message}.</p>
        <p>
          Add {COMPARE_LIMITS.min} to {COMPARE_LIMITS.max} voices with “Add to compare” on the <Link href="/">explorer</Link> or on a
          voice’s page, then open the compare tray at the bottom of the page.
        </p>
      </section>
    );
  }
  const slugs = parsed.data;
  const db = await getDb();
  const found = await Promise.all(slugs.map((slug) => getVoice(db, slug)));
  const missing = slugs.filter((_, i) => !found[i]);
  const voices = found.filter((v): v is VoiceDetail => v !== null);
  const rows = buildCompareRows(voices);
  const compareSet: [string, string][] = [["v", voices.map((v) => v.slug).join(",")]];
  const api = `${(await getRequestPermalinks(null)).base}/api/export?${new URLSearchParams([...compareSet, ["shape", "voices"], ["format", "json"]]).toString()}`;

  return (
    <article className="compare-page">
      <p className="breadcrumb">
        <Link href="/">All voices</Link>
      </p>
      <h1>Compare {voices.length} voices</h1>
      {missing.length > 0 && (
        <p role="alert" className="notice">
          No voice has the slug {missing.map((m) => `“${m}”`).join(", ")}; {missing.length === 1 ? "it is" : "they are"} left out.{" "}
          <Link href={compareHref(slugs.filter((s) => !missing.includes(s)))}>Compare the others</Link>
        </p>
      )}
      {voices.length > 0 && (
        <>
          <p className="help">
            Rows where the voices differ are marked “differs”. Focus or hover an attribute to see the words that state it.
          </p>
          <div className="compare-scroll">
            <table className="compare-table">
              <caption className="visually-hidden">Attributes of the compared voices, one column per voice</caption>
              <thead>
                <tr>
                  <th scope="col">Attribute</th>
                  {voices.map((v) => (
                    <th scope="col" key={v.slug}>
                      <Link href={`/voices/${v.slug}`}>{v.name}</Link>
                      <br />
                      <Link
                        className="remove"
                        href={compareHref(slugs.filter((s) => s !== v.slug))}
                        aria-label={`Remove ${v.name} from the comparison`}
                      >
                        Remove
                      </Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.label} className={row.differs ? "differs" : undefined}>
                    <th scope="row">
                      {row.label} {row.differs && <span className="differs-badge">differs</span>}
                    </th>
                    {row.cells.map((cell, i) => (
                      <td key={voices[i]!.slug}>
                        {cell.value === null ? (
                          <span className="unknown">Not stated</span>
                        ) : cell.evidence ? (
                          <span className="has-evidence" tabIndex={0} aria-describedby={`ev-${row.label}-${i}`}>
                            {cell.value}
                            <span role="tooltip" id={`ev-${row.label}-${i}`} className="evidence-tip">
                              From: “{cell.evidence}”
                            </span>
                          </span>
                        ) : (
                          cell.value
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
                <tr>
                  <th scope="row">Why this stance</th>
                  {voices.map((v) => (
                    <td key={v.slug}>
                      <StanceBadge stance={v.stance} /> {v.stanceRationale}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row">Quotes</th>
                  {voices.map((v) => (
                    <td key={v.slug}>
                      <ol className="compare-quotes">
                        {v.quotes.map((q) => (
                          <li key={q.id}>
                            <QuoteText kind={q.kind} text={q.text} />
                            <a href={buildSourceQuoteHref(v.source.slug, q.id)} className="help">
                              {q.kind === "direct" ? "Direct quotation" : "Paraphrase"}, in the source
                            </a>{" "}
                            <AddToList id={q.id} label={`${v.name}: ${q.text.slice(0, 60)}`} />
                          </li>
                        ))}
                      </ol>
                    </td>
                  ))}
                </tr>
              </tbody>
            </table>
          </div>
          <DataLinks selection={compareSet} shape="voices" api={api} exportTitle="More export options" />
        </>
      )}
    </article>
  );
}
