"use client";

/**
 * The export form's markup. A client component although nothing in it needs JavaScript: its
 * fixed words and options then come once, in the cached script, instead of in every page's
 * React payload a second time (decision 026); the page sends only what varies.
 */
export function ExportFormFields({
  selection,
  title,
  formats,
}: {
  selection: [string, string][];
  title: string;
  /** [id, label] of each format, the first chosen. */
  formats: [string, string][];
}) {
  return (
    <details className="export">
      <summary>{title}</summary>
      <form action="/api/export" method="get" className="export-form">
        {selection.map(([key, value], i) => (
          <input key={`${key}-${i}`} type="hidden" name={key} value={value} />
        ))}
        <label>
          Format{" "}
          <select name="format" defaultValue={formats[0]?.[0]}>
            {formats.map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>One row per</legend>
          <label>
            <input type="radio" name="shape" value="quotes" defaultChecked /> quote
          </label>
          <label>
            <input type="radio" name="shape" value="voices" /> voice
          </label>
        </fieldset>
        <label>
          <input type="checkbox" name="bom" value="1" /> CSV for Excel (adds a byte-order mark)
        </label>
        <button type="submit">Download</button>
      </form>
    </details>
  );
}
