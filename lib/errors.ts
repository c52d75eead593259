// One error type for everything a caller can be told about: bad input, a missing entry,
// a corpus that does not load. Each code maps to one HTTP status (lib/api/json-responses.ts)
// and one CLI message (scripts/run-cli.ts); anything that is not a VoicesError is a bug,
// logged and answered without details.

/** One bad parameter, CLI flag or corpus field, named so the caller can fix it. */
export type ErrorIssue = {
  /** The query parameter or CLI flag (without --), e.g. "stance"; or the corpus file. */
  parameter: string;
  message: string;
  /** The values it accepts, when they are a closed list. */
  allowed?: readonly string[];
};

export const ERROR_CODES = {
  /** A query parameter, route parameter or CLI flag has a bad value. */
  invalid_input: { status: 400, title: "Invalid input" },
  /** No entry with that slug or id. */
  not_found: { status: 404, title: "Not found" },
  /** The request is well-formed but asks for more than one response may hold. */
  too_large: { status: 400, title: "Too large" },
  /** The corpus files fail validation or verification; nothing was changed. */
  invalid_corpus: { status: 500, title: "Invalid corpus" },
  /** The HTTP method is not one the route answers (the app only reads: GET, HEAD, OPTIONS). */
  method_not_allowed: { status: 405, title: "Method not allowed" },
  /** The server is doing as much of this kind of work as it will at once: try again later. */
  busy: { status: 429, title: "Too many requests" },
  /** The seed cannot write its new database file (a full disk, a read-only folder); nothing was changed. */
  cannot_write: { status: 500, title: "Cannot write the database" },
  /** An export needed more memory than the server lets one export use (EXPORT_WORKER_HEAP_MB); the server goes on. */
  out_of_memory: { status: 503, title: "Out of memory" },
  /** There is no seeded database to serve. */
  no_database: { status: 503, title: "No database" },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class VoicesError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: ErrorIssue[] = [],
    /** For "busy": how many seconds to wait before trying again (HTTP Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "VoicesError";
  }
}

/** Bad input: the message lists every issue; `issues` keeps them for the API's body. */
export function invalidInput(issues: ErrorIssue[], message = "Invalid query parameters"): VoicesError {
  return new VoicesError("invalid_input", message, issues);
}
