import { describe, expect, it } from "vitest";
import { splitIntoRuns } from "@/lib/sources/get-source";

const quote = (id: string, start: number, end: number) => ({ id, start, end, voiceSlug: `v-${id}`, voiceName: id });

describe("splitIntoRuns", () => {
  const text = "0123456789";

  it("cuts the text at each quote and keeps every character", () => {
    const runs = splitIntoRuns(text, [quote("b", 6, 8), quote("a", 2, 4)]);
    expect(runs.map((r) => [r.text, r.quote?.id ?? null])).toEqual([
      ["01", null],
      ["23", "a"],
      ["45", null],
      ["67", "b"],
      ["89", null],
    ]);
  });

  it("handles quotes at the very start and end", () => {
    const runs = splitIntoRuns(text, [quote("a", 0, 3), quote("b", 7, 10)]);
    expect(runs.map((r) => r.text).join("")).toBe(text);
    expect(runs[0]!.quote?.id).toBe("a");
    expect(runs.at(-1)!.quote?.id).toBe("b");
  });

  it("does not highlight an overlapping quote twice", () => {
    const runs = splitIntoRuns(text, [quote("a", 2, 6), quote("b", 4, 8)]);
    expect(runs.map((r) => r.text).join("")).toBe(text);
    expect(runs.filter((r) => r.quote).map((r) => r.quote!.id)).toEqual(["a"]);
  });
});
