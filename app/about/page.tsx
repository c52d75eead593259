import type { Metadata } from "next";
import { CORPUS_LICENCE } from "@/lib/meta/corpus-licence";
import Link from "next/link";
import { connection } from "next/server";
import { findReviewedPeople, type ReviewedSource } from "@/lib/about/find-reviewed-people";
import { getDb } from "@/lib/db/client";
import { citeCorpus, getCorpusInfo } from "@/lib/meta/get-corpus-info";
import { getRequestPermalinks } from "@/lib/meta/request-permalinks";
import { ROLE_LABELS, ROLES, STANCE_DESCRIPTIONS, STANCE_LABELS, STANCES } from "@/lib/vocabulary";
import { CopyButton } from "../_components/copy-button";
import { StanceBadge } from "../_components/stance-badge";

export const metadata: Metadata = { title: "About this corpus" };

export default async function AboutPage() {
  await connection();
  const corpus = await getCorpusInfo(await getDb());
  const permalinks = await getRequestPermalinks(corpus.release);
  const reviewed = await findReviewedPeople().catch(() => null);
  const citation = citeCorpus(corpus, permalinks);
  const leftOut = reviewed?.sources.reduce((n, s) => n + s.excluded.length, 0) ?? 0;

  return (
    <article className="about-page">
      <h1>About this corpus</h1>
      <p className="lede">
        Voices is a searchable corpus of the {corpus.counts.voices} people quoted in {corpus.counts.sources} news reports and analyses on
        how Kazakhstan views Russia&rsquo;s war in Ukraine: who they are, where they stand on the war and why that is judged so, and their
        exact words ({corpus.counts.quotes} quotes), each traced to the sentence of the source that prints it.
      </p>
      <nav aria-label="On this page" className="toc">
        <ul>
          <li>
            <a href="#what">What it is</a>
          </li>
          <li>
            <a href="#caveat">Articles, not Kazakhstan</a>
          </li>
          <li>
            <a href="#chosen">How voices were chosen</a>
          </li>
          <li>
            <a href="#stance">How stance is judged</a>
          </li>
          <li>
            <a href="#left-out">People reviewed and left out</a>
          </li>
          <li>
            <a href="#licence">Licence</a>
          </li>
          <li>
            <a href="#cite">How to cite</a>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="what">
        <h2 id="what">What it is</h2>
        <p>For researchers, journalists and students whose unit of work is the quote. Three promises hold for every entry:</p>
        <ul>
          <li>
            <strong>Every quote is what the source printed.</strong> A quote is loaded only if it is found verbatim in the source&rsquo;s
            text; direct quotations and the reporter&rsquo;s paraphrases are marked apart.
          </li>
          <li>
            <strong>Every fact about a person is traceable.</strong> Age, city, occupation and heritage are each shown with the words of the
            source that state them; nothing unstated is filled in.
          </li>
          <li>
            <strong>Citations keep resolving.</strong> Voice, quote and source addresses never change when the corpus is rebuilt.
          </li>
        </ul>
        <p>
          <Link href="/">Search and filter the voices</Link>, <Link href="/insights">see them charted and mapped</Link>, or use the{" "}
          <Link href="/api-docs">API</Link>.
        </p>
      </section>

      <section aria-labelledby="caveat">
        <h2 id="caveat">Articles, not Kazakhstan</h2>
        <p className="notice">
          These are the people a handful of reporters chose to quote, not a sample of Kazakhstan. Most voices come from a few articles; a
          city, an age group or a stance is here as often as those articles happened to quote it. Read every count and chart on this site as
          a description of the reporting. For what people in Kazakhstan think, see national surveys such as Demoscope&rsquo;s, which{" "}
          <Link href="/insights#charts-heading">the insights page sets beside the corpus</Link> with that warning.
        </p>
      </section>

      <section aria-labelledby="chosen">
        <h2 id="chosen">How voices were chosen</h2>
        <p>
          Every person whose words a source reports, named or described (&ldquo;a press officer&rdquo;), quoted or paraphrased, is a voice:
          ordinary citizens, activists, fighters on both sides, officials, politicians, analysts, journalists. Each has one role:{" "}
          {ROLES.map((r) => ROLE_LABELS[r].toLowerCase()).join(", ")}.
        </p>
        <p>
          Left out: people only mentioned, unnamed groups (&ldquo;analysts&rdquo;, &ldquo;interview respondents&rdquo;), institutions and
          publications, the articles&rsquo; authors and photographers, and page furniture such as event announcements and teasers for other
          articles. The borderline cases are listed <a href="#left-out">below</a>, with the reason for each.
        </p>
      </section>

      <section aria-labelledby="stance">
        <h2 id="stance">How stance is judged</h2>
        <p>
          A voice&rsquo;s stance on the war is the annotators&rsquo; judgement of the words the source reports, never of the person. Each
          voice&rsquo;s page gives the one sentence the judgement rests on, quoting the person&rsquo;s own words. There are four values:
        </p>
        <dl className="stance-values">
          {STANCES.map((s) => (
            <div key={s}>
              <dt>
                <StanceBadge stance={s} />
              </dt>
              <dd>
                {STANCE_DESCRIPTIONS[s]} <Link href={`/?stance=${s}`}>Voices marked &ldquo;{STANCE_LABELS[s]}&rdquo;</Link>
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="left-out">
        <h2 id="left-out">People reviewed and left out</h2>
        {reviewed === null ? (
          <p className="notice">The corpus files could not be read on this server, so this list is not available.</p>
        ) : (
          <>
            <p>
              Read from the corpus files (<code>data/sources/*.yaml</code>, each source&rsquo;s <code>excluded</code> list): {leftOut}{" "}
              {leftOut === 1 ? "entry" : "entries"} across {reviewed.sources.length} {reviewed.sources.length === 1 ? "source" : "sources"}.
            </p>
            {reviewed.version !== corpus.version && (
              <p className="notice">
                These files (version <code>{reviewed.version}</code>) are not the ones the database was built from (version{" "}
                <code>{corpus.version}</code>).
              </p>
            )}
            {reviewed.sources.map((source) => (
              <LeftOut key={source.slug} source={source} />
            ))}
          </>
        )}
      </section>

      <section aria-labelledby="licence">
        <h2 id="licence">Licence</h2>
        <p>
          The quoted words and the source texts belong to their authors and publishers; they are reproduced in short extracts for research,
          criticism and quotation, each with its source, and every voice links to the original article. Quote them as you would quote the
          article, and cite both. The corpus&rsquo;s annotations (who is quoted, the attributes with their evidence, the stances and their
          rationales, the quote boundaries) are licensed <a href={CORPUS_LICENCE.path}>{CORPUS_LICENCE.title}</a> ({CORPUS_LICENCE.name}):
          reuse them, in bulk too, with attribution. Each <Link href="/changes">release</Link> downloads as a data package that says the
          same.
        </p>
      </section>

      <section aria-labelledby="cite">
        <h2 id="cite">How to cite</h2>
        <p>Cite the article a quote comes from, and the corpus entry you read it in. For the corpus as a whole:</p>
        <p className="citation-block">
          {citation} <CopyButton text={citation} label="Copy the citation of the corpus" />
        </p>
        <p>
          Every voice&rsquo;s page has a &ldquo;Cite&rdquo; panel with the article and the entry in MLA, Chicago and APA, and BibTeX, RIS
          and CSL-JSON for reference managers; every quote has its own. The corpus version (<code>{corpus.version}</code>, of{" "}
          {corpus.versionDate}) identifies the data exactly, and the links in a citation open the release cited, whatever changes later (
          <Link href="/changes">changes and releases</Link>).
        </p>
      </section>
    </article>
  );
}

function LeftOut({ source }: { source: ReviewedSource }) {
  return (
    <>
      <h3>
        <Link href={`/sources/${source.slug}`}>{source.title}</Link> ({source.publisher})
      </h3>
      {source.excluded.length === 0 ? (
        <p className="help">No one reviewed and left out.</p>
      ) : (
        <table className="left-out">
          <thead>
            <tr>
              <th scope="col">Who</th>
              <th scope="col">Why left out</th>
            </tr>
          </thead>
          <tbody>
            {source.excluded.map((e) => (
              <tr key={e.who}>
                <td>{e.who}</td>
                <td>{e.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
