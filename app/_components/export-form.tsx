import { EXPORT_FORMAT_IDS } from "@/lib/export/export-request";
import { EXPORT_FORMATS } from "@/lib/export/export-writers";

/**
 * A plain GET form to /api/export: works without JavaScript, and the browser saves the
 * file. `selection` holds the parameters that say what to export (filters, voice, v).
 */
export function ExportForm({ selection, title = "Export" }: { selection: [string, string][]; title?: string }) {
  return (
    <details className="export">
      <summary>{title}</summary>
      <form action="/api/export" method="get" className="export-form">
        {selection.map(([key, value], i) => (
          <input key={`${key}-${i}`} type="hidden" name={key} value={value} />
        ))}
        <label>
          Format{" "}
          <select name="format" defaultValue="csv">
            {EXPORT_FORMAT_IDS.map((id) => (
              <option key={id} value={id}>
                {EXPORT_FORMATS[id].label}
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
