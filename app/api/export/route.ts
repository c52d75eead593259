// GET /api/export?format=<fmt>&shape=quotes|voices[&bom=1][&voice=|&quote=|&v=a,b|explorer filters]
// – the selection as a file, streamed from a worker thread (429 with Retry-After when too many
// run), its provenance in the file name and the headers
import { handleApi } from "@/lib/api/json-responses";
import { runExport } from "@/lib/export/export-pool";
import { parseExportRequest } from "@/lib/export/export-request";
import { originFromHeaders, resolveBaseUrl } from "@/lib/meta/permalinks";

export async function GET(request: Request) {
  return handleApi(async () => {
    const exportRequest = parseExportRequest(new URL(request.url).searchParams);
    const baseUrl = resolveBaseUrl(originFromHeaders(request.headers));
    const started = await runExport(exportRequest, { baseUrl }, request.signal);
    return new Response(started.body, {
      headers: {
        "Content-Type": started.mediaType,
        "Content-Disposition": `attachment; filename="${started.filename}"`,
        ...started.headers,
      },
    });
  });
}
