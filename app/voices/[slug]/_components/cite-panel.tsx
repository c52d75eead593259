import type { StyledCitation } from "@/lib/citation/cite-voice";
import { CopyButton } from "../../../_components/copy-button";

const DOWNLOADS = [
  ["bibtex", "BibTeX"],
  ["ris", "RIS"],
  ["csl-json", "CSL-JSON"],
] as const;

/** Citations in every style, each with a copy button, and the entry as a file for reference managers. */
export function CitePanel({
  title,
  citations,
  downloads,
  idPrefix,
  open = false,
}: {
  title: string;
  citations: StyledCitation[];
  downloads: [string, string][];
  idPrefix: string;
  open?: boolean;
}) {
  const query = (format: string) => new URLSearchParams([...downloads, ["format", format]]).toString();
  return (
    <details className="cite" open={open}>
      <summary>{title}</summary>
      {citations.map((c) => (
        <section key={c.style} aria-labelledby={`${idPrefix}-${c.style}`} className="cite-style">
          <h3 id={`${idPrefix}-${c.style}`}>{c.label}</h3>
          <dl>
            <div>
              <dt>The article</dt>
              <dd>
                <span className="citation">{c.article}</span>{" "}
                <CopyButton text={c.article} label={`Copy the ${c.label} reference to the article`} />
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
                <span className="citation">{c.corpusEntry}</span>{" "}
                <CopyButton text={c.corpusEntry} label={`Copy the ${c.label} reference to the corpus entry`} />
              </dd>
            </div>
          </dl>
        </section>
      ))}
      <p className="downloads">
        Download for a reference manager:{" "}
        {DOWNLOADS.map(([format, label], i) => (
          <span key={format}>
            {i > 0 && " · "}
            <a href={`/api/export?${query(format)}`} download>
              {label}
            </a>
          </span>
        ))}
      </p>
    </details>
  );
}
