import { z } from "zod";
import { ERROR_CODES, invalidInput, VoicesError, type ErrorCode, type ErrorIssue } from "../errors";
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from "../vocabulary";

/** The body of every API error: the HTTP status, a code a program can switch on, words a person can read. */
type ApiError = { error: { status: number; code: ErrorCode | "internal"; message: string; issues?: ErrorIssue[] } };

/** The body of an API error; server.ts sends the same for the requests it refuses itself. */
export function buildErrorBody(status: number, code: ApiError["error"]["code"], message: string, issues?: ErrorIssue[]): ApiError {
  return { error: { status, code, message, ...(issues?.length ? { issues } : {}) } };
}

/** The JSON error response; `headers` adds Retry-After to a 429. */
function jsonError(
  status: number,
  code: ApiError["error"]["code"],
  message: string,
  issues?: ErrorIssue[],
  headers?: Record<string, string>,
): Response {
  return Response.json(buildErrorBody(status, code, message, issues), { status, headers });
}

/** The one mapping from errors to HTTP responses: a VoicesError by its code, anything else a bare 500. */
function toErrorResponse(error: unknown): Response {
  if (error instanceof VoicesError) {
    const retry = error.retryAfterSeconds === undefined ? undefined : { "Retry-After": String(error.retryAfterSeconds) };
    return jsonError(ERROR_CODES[error.code].status, error.code, error.message, error.issues, retry);
  }
  console.error(error);
  return jsonError(500, "internal", "Something went wrong on our side; the error has been logged.");
}

export const SlugParamSchema = z
  .string()
  .max(SLUG_MAX_LENGTH, { error: `slug is at most ${SLUG_MAX_LENGTH} characters` })
  .regex(SLUG_PATTERN, { error: "slug must be lowercase words joined by hyphens" });

/** A route's slug, or a VoicesError naming the path parameter when it is malformed. */
export function parseSlug(slug: string): string {
  const parsed = SlugParamSchema.safeParse(slug);
  if (!parsed.success) throw invalidInput([{ parameter: "slug", message: parsed.error.issues[0]!.message }], "Invalid path parameter");
  return parsed.data;
}

/**
 * Runs a route handler so that bad input is a 400 naming the parameter, a missing entry a
 * 404, and anything unexpected a bare 500: never a stack trace or a file path in the response.
 */
export async function handleApi(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    return toErrorResponse(error);
  }
}
