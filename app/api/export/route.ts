// GET /api/export?format=<fmt>&shape=quotes|voices[&bom=1][&voice=|&quote=|&v=a,b|explorer filters]
// – the selection as a file, streamed from a worker thread (429 with Retry-After when too many run)
import { handleApi } from "@/lib/api/json-responses";
import { runExport } from "@/lib/export/export-pool";
import { parseExportRequest } from "@/lib/export/export-request";

export async function GET(request: Request) {
  return handleApi(async () => {
    const exportRequest = parseExportRequest(new URL(request.url).searchParams);
    const started = await runExport(exportRequest, request.signal);
    return new Response(started.body, {
      headers: {
        "Content-Type": started.mediaType,
        "Content-Disposition": `attachment; filename="${started.filename}"`,
        "X-Corpus-Version": started.corpusVersion,
      },
    });
  });
}
