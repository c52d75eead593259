import { describe, expect, it } from "vitest";
import { cutText } from "@/lib/text/cut-text";

describe("cutText", () => {
  it.each([
    ["short", 10, "short"],
    ["exactly", 7, "exactly"],
    ["abcdef", 3, "abc"],
    ["ab😀cd", 3, "ab"],
    ["ab😀cd", 4, "ab😀"],
    ["😀😀", 1, ""],
    ["ёжик", 2, "ёж"],
  ])("%s cut at %i is %s", (text, max, expected) => {
    const cut = cutText(text, max);
    expect(cut).toBe(expected);
    expect(cut).not.toMatch(/\p{Cs}/u); // no lone surrogate
  });
});
