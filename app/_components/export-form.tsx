import { EXPORT_FORMAT_IDS } from "@/lib/export/export-request";
import { EXPORT_FORMATS } from "@/lib/export/export-writers";
import { ExportFormFields } from "./export-form-fields";

/**
 * A plain GET form to /api/export: works without JavaScript, and the browser saves the
 * file. `selection` holds the parameters that say what to export (filters, voice, v).
 */
export function ExportForm({ selection, title = "Export" }: { selection: [string, string][]; title?: string }) {
  return <ExportFormFields title={title} selection={selection} formats={EXPORT_FORMAT_IDS.map((id) => [id, EXPORT_FORMATS[id].label])} />;
}
