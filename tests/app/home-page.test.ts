import { describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/create-prisma-client";
import { getDatabasePath } from "@/lib/db/database-path";

describe("GET / (placeholder home page)", () => {
  it("lists every voice in the database, by source", async () => {
    const response = await fetch(`${inject("baseUrl")}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const html = await response.text();

    const db = createPrismaClient(getDatabasePath({ DATABASE_URL: inject("databaseUrl") }), { readonly: true });
    const voices = await db.voice.findMany({ select: { name: true } });
    const sources = await db.source.findMany({ select: { title: true } });
    await db.$disconnect();

    expect(html).toContain(`${voices.length}<!-- --> voices from <!-- -->${sources.length}<!-- --> sources`);
    const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/'/g, "&#x27;").replace(/"/g, "&quot;");
    for (const voice of voices) expect(html).toContain(escape(voice.name));
    for (const source of sources) expect(html).toContain(escape(source.title));
  });
});
