import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { describeSchema, listOperations } from "@/lib/api/describe-openapi";

describe("listOperations", () => {
  const document = buildOpenApiDocument();
  const operations = listOperations(document);

  it("lists every path and method of the document, in its order", () => {
    expect(operations.map((o) => o.path)).toEqual(Object.keys(document.paths));
    expect(new Set(operations.map((o) => o.id)).size).toBe(operations.length);
  });

  it("offers a link to try only what needs no path or required parameter", () => {
    const example = (path: string) => operations.find((o) => o.path === path)?.example;
    expect(example("/api/voices")).toBe("/api/voices");
    expect(example("/api/voices/{slug}")).toBeUndefined();
    expect(example("/api/export")).toBeUndefined(); // format is required
  });

  it("keeps each operation's parameters and responses", () => {
    const voices = operations.find((o) => o.path === "/api/voices")!;
    expect(voices.parameters.map((p) => p.name)).toEqual(document.paths["/api/voices"].get.parameters.map((p) => p.name));
    expect(voices.responses.map((r) => r.status)).toEqual(Object.keys(document.paths["/api/voices"].get.responses));
  });
});

describe("describeSchema", () => {
  it.each([
    [{ type: "string", enum: ["a", "b"], default: "a" }, "one of a, b; default a"],
    [{ type: "array", maxItems: 50, default: [], items: { type: "string", enum: ["x", "y"] } }, "a list of one of x, y; at most 50"],
    [{ type: "string", maxLength: 200 }, "text; at most 200 characters"],
    [{ type: "string", pattern: "^\\d{1,6}$" }, "whole number"],
    [{ type: "string", pattern: "^[a-z0-9]+(?:-[a-z0-9]+)*$" }, "slug (lowercase words joined by hyphens)"],
    [{}, "any value"],
  ])("%o reads “%s”", (schema, expected) => {
    expect(describeSchema(schema)).toBe(expected);
  });
});
