import { EXPORT_FORMATS } from "@/lib/export/export-writers";
import { CopyButton } from "./copy-button";
import { ExportForm } from "./export-form";

/** The formats a list view links to directly; the rest are in the export form below them. */
const QUICK_FORMATS = ["csv", "json", "jsonl"] as const;

/**
 * Datasette-style links under a list: the same selection as files to download, the JSON
 * API address of exactly this view to copy, and every export option folded below.
 * `selection` holds the parameters that say what to export; `api` is a full URL.
 */
export function DataLinks({
  selection,
  shape,
  api,
  exportTitle,
}: {
  selection: [string, string][];
  shape: "voices" | "quotes";
  api: string;
  exportTitle: string;
}) {
  const href = (format: string) => `/api/export?${new URLSearchParams([...selection, ["shape", shape], ["format", format]]).toString()}`;
  return (
    <div className="data-links">
      <p>
        This {shape === "voices" ? "list of voices" : "list of quotes"} as{" "}
        {QUICK_FORMATS.map((format, i) => (
          <span key={format}>
            {i > 0 && (i === QUICK_FORMATS.length - 1 ? " or " : ", ")}
            <a href={href(format)} download>
              {EXPORT_FORMATS[format].label}
            </a>
          </span>
        ))}
      </p>
      <p className="api-url">
        API: <code>{api}</code> <a href={api}>Open</a> <CopyButton text={api} label="Copy the API address of this view" />
      </p>
      <ExportForm title={exportTitle} selection={selection} />
    </div>
  );
}
