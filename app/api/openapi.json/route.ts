// GET /api/openapi.json – the API described from the same zod schemas that parse it
import { buildOpenApiDocument } from "@/lib/api/openapi";

export function GET() {
  return Response.json(buildOpenApiDocument());
}
