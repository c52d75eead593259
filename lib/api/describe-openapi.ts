// Reads the OpenAPI document for the API docs page: the operations in order, and each
// parameter's JSON Schema in words ("one of: pro_russia, …; default relevance").

type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  items?: JsonSchema;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  maxItems?: number;
  pattern?: string;
  anyOf?: JsonSchema[];
};

type Parameter = { name: string; in: string; required?: boolean; description?: string; schema: unknown };
type OperationObject = {
  summary: string;
  description?: string;
  parameters?: Parameter[];
  responses: Record<string, { description: string }>;
};
type OpenApiDocument = { paths: Record<string, Record<string, OperationObject>> };

export type Operation = {
  id: string;
  method: string;
  path: string;
  summary: string;
  description?: string;
  /** A link that calls it as it stands, for endpoints without path parameters. */
  example?: string;
  parameters: Parameter[];
  responses: { status: string; description: string }[];
};

export function listOperations(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      id: `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-").replace(/-+$/, ""),
      method: method.toUpperCase(),
      path,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(path.includes("{") || (op.parameters ?? []).some((p) => p.required) ? {} : { example: path }),
      parameters: op.parameters ?? [],
      responses: Object.entries(op.responses).map(([status, r]) => ({ status, description: r.description })),
    })),
  );
}

/** A JSON Schema in a few words: its type or values, its limits and its default. */
export function describeSchema(schema: unknown): string {
  const s = (schema ?? {}) as JsonSchema;
  const parts: string[] = [];
  if (s.type === "array" && s.items) {
    parts.push(`a list of ${describeSchema(s.items)}`);
    if (s.maxItems !== undefined) parts.push(`at most ${s.maxItems}`);
  } else if (s.enum) {
    parts.push(`one of ${s.enum.map(String).join(", ")}`);
  } else if (s.anyOf) {
    parts.push(s.anyOf.map(describeSchema).join(" or "));
  } else {
    parts.push(
      s.pattern === "^\\d{1,6}$"
        ? "whole number"
        : s.pattern === "^[a-z0-9]+(?:-[a-z0-9]+)*$"
          ? "slug (lowercase words joined by hyphens)"
          : [s.type ?? "any value"]
              .flat()
              .map((t) => (t === "string" ? "text" : t))
              .join(" or "),
    );
    if (s.maxLength !== undefined) parts.push(`at most ${s.maxLength} characters`);
    if (s.minimum !== undefined) parts.push(`from ${s.minimum}`);
    if (s.maximum !== undefined) parts.push(`to ${s.maximum}`);
  }
  if (s.default !== undefined && !(Array.isArray(s.default) && s.default.length === 0) && s.default !== "") {
    parts.push(`default ${String(s.default)}`);
  }
  return parts.join("; ");
}
