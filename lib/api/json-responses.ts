import { z } from "zod";
import { InvalidQueryError, type QueryIssue } from "../search/voice-query";

type ApiError = { error: { status: number; message: string; issues?: QueryIssue[] } };

export function jsonError(status: number, message: string, issues?: QueryIssue[]): Response {
  const body: ApiError = { error: { status, message, ...(issues ? { issues } : {}) } };
  return Response.json(body, { status });
}

export const SlugParamSchema = z
  .string()
  .max(200, { error: "slug is at most 200 characters" })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "slug must be lowercase words joined by hyphens" });

/** Validates a route's slug; the error Response when it is malformed. */
export function parseSlug(slug: string): { slug: string } | { error: Response } {
  const parsed = SlugParamSchema.safeParse(slug);
  return parsed.success
    ? { slug: parsed.data }
    : { error: jsonError(400, "Invalid path parameter", [{ parameter: "slug", message: parsed.error.issues[0]!.message }]) };
}

/**
 * Runs a route handler so that bad input is a 400 naming the parameter and anything
 * unexpected is a bare 500: never a stack trace or a file path in the response.
 */
export async function handleApi(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InvalidQueryError) return jsonError(400, "Invalid query parameters", error.issues);
    console.error(error);
    return jsonError(500, "Something went wrong on our side; the error has been logged.");
  }
}
