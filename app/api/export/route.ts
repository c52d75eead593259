// GET /api/export?format=<fmt>&shape=quotes|voices[&bom=1][&voice=|&quote=|&v=a,b|explorer filters]
// – the selection as a file, streamed, its provenance in the file name and the headers
import { handleApi } from "@/lib/api/json-responses";
import { getDbAt } from "@/lib/releases/release-database";
import { parseExportRequest } from "@/lib/export/export-request";
import { startExport } from "@/lib/export/write-export";
import { originFromHeaders, resolveBaseUrl } from "@/lib/meta/permalinks";

export async function GET(request: Request) {
  return handleApi(async () => {
    const exportRequest = parseExportRequest(new URL(request.url).searchParams);
    const started = await startExport(await getDbAt(exportRequest.version), exportRequest, {
      baseUrl: resolveBaseUrl(originFromHeaders(request.headers)),
    });
    const chunks = started.chunks();
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      },
      async cancel() {
        await chunks.return(undefined);
      },
    });
    return new Response(body, {
      headers: {
        "Content-Type": started.mediaType,
        "Content-Disposition": `attachment; filename="${started.filename}"`,
        ...started.headers,
      },
    });
  });
}
