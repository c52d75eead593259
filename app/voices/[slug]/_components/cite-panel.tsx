import type { VoiceCitations } from "@/lib/citation/cite-voice";
import { runsToHtml, runsToText, type CitationRun } from "@/lib/citation/citation-runs";
import { CopyButton } from "../../../_components/copy-button";

const DOWNLOADS = [
  ["bibtex", "BibTeX (biblatex)"],
  ["ris", "RIS"],
  ["csl-json", "CSL-JSON"],
] as const;

/** A formatted citation with the style's italics, as React elements (never injected HTML). */
function Citation({ runs }: { runs: CitationRun[] }) {
  return (
    <span className="citation">{runs.map((run, i) => (run.italic ? <i key={i}>{run.text}</i> : <span key={i}>{run.text}</span>))}</span>
  );
}

/** Citations in every style, each with a copy button, and the entry for reference managers, to copy or download. */
export function CitePanel({
  title,
  citations,
  downloads,
  idPrefix,
  open = false,
}: {
  title: string;
  citations: VoiceCitations;
  downloads: [string, string][];
  idPrefix: string;
  open?: boolean;
}) {
  const query = (format: string) => new URLSearchParams([...downloads, ["format", format]]).toString();
  return (
    <details className="cite" open={open}>
      <summary>{title}</summary>
      {citations.styles.map((c) => (
        // divs, not sections: a page with several panels open would otherwise hold several regions named "MLA 9"
        <div key={c.style} className="cite-style">
          <h3 id={`${idPrefix}-${c.style}`}>{c.label}</h3>
          <dl>
            <div>
              <dt>The article</dt>
              <dd>
                <Citation runs={c.article} />{" "}
                <CopyButton
                  text={runsToText(c.article)}
                  html={runsToHtml(c.article)}
                  label={`Copy the ${c.label} reference to the article`}
                />
              </dd>
            </div>
            <div>
              <dt>In the text</dt>
              <dd>
                <span className="citation">{c.quotedIn}</span>{" "}
                <CopyButton text={c.quotedIn} label={`Copy the ${c.label} in-text citation`} />
              </dd>
            </div>
            <div>
              <dt>This corpus entry</dt>
              <dd>
                <Citation runs={c.corpusEntry} />{" "}
                <CopyButton
                  text={runsToText(c.corpusEntry)}
                  html={runsToHtml(c.corpusEntry)}
                  label={`Copy the ${c.label} reference to the corpus entry`}
                />
              </dd>
            </div>
          </dl>
        </div>
      ))}
      <div className="cite-style">
        <h3 id={`${idPrefix}-managers`}>For a reference manager</h3>
        <details>
          <summary>BibTeX (biblatex): the article and this corpus entry</summary>
          <pre className="cite-source">{citations.biblatex}</pre>
          <CopyButton text={citations.biblatex} label="Copy the BibTeX entries" />
        </details>
        <details>
          <summary>RIS: the article and this corpus entry</summary>
          <pre className="cite-source">{citations.ris}</pre>
          <CopyButton text={citations.ris} label="Copy the RIS entries" />
        </details>
        <p className="downloads">
          Download:{" "}
          {DOWNLOADS.map(([format, label], i) => (
            <span key={format}>
              {i > 0 && " · "}
              <a href={`/api/export?${query(format)}`} download>
                {label}
              </a>
            </span>
          ))}
        </p>
      </div>
    </details>
  );
}
