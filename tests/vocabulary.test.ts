import { describe, expect, it } from "vitest";
import { EvidencedAttribute, QuoteKind, Role, Stance } from "@/lib/db/generated/enums";
import { EVIDENCED_ATTRIBUTES, QUOTE_KINDS, ROLES, STANCES } from "@/lib/vocabulary";

// lib/vocabulary.ts is what client components import (no Prisma, no zod); the database's
// enums are what the seed writes. They must name the same values.
describe("the vocabularies and the database enums", () => {
  it.each([
    ["stance", STANCES, Stance],
    ["role", ROLES, Role],
    ["quote kind", QUOTE_KINDS, QuoteKind],
    ["evidenced attribute", EVIDENCED_ATTRIBUTES, EvidencedAttribute],
  ] as const)("%s has the same values in both", (_name, vocabulary, prismaEnum) => {
    expect([...vocabulary].sort()).toEqual(Object.values(prismaEnum).sort());
  });

  it("evidenced attributes are the four the corpus format names", () => {
    expect(Object.values(EvidencedAttribute).sort()).toEqual(["age", "city", "heritage", "occupation"]);
  });
});
