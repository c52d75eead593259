import { describe, expect, it } from "vitest";
import { groupEvidence, joinLabels } from "@/lib/voices/group-evidence";

const ROWS = [
  { attribute: "age", label: "Age", value: "48" },
  { attribute: "city", label: "City", value: "Karaganda" },
  { attribute: "occupation", label: "Occupation", value: "entrepreneur" },
  { attribute: "heritage", label: "Heritage or nationality", value: null },
];

describe("groupEvidence", () => {
  it("shows a sentence that states several facts once, naming them all", () => {
    const sentence = "Gulmira, a 48-year-old entrepreneur from Karaganda";
    const evidence = ["age", "city", "occupation"].map((attribute) => ({ attribute, text: sentence }));
    expect(groupEvidence(ROWS, evidence)).toEqual([{ text: sentence, supports: ["Age", "City", "Occupation"] }]);
  });

  it("keeps different sentences apart, in the order of the facts", () => {
    const evidence = [
      { attribute: "occupation", text: "an entrepreneur" },
      { attribute: "age", text: "48-year-old" },
      { attribute: "city", text: "48-year-old" },
    ];
    expect(groupEvidence(ROWS, evidence)).toEqual([
      { text: "48-year-old", supports: ["Age", "City"] },
      { text: "an entrepreneur", supports: ["Occupation"] },
    ]);
  });

  it("shows no evidence for a fact that is not stated", () => {
    expect(groupEvidence(ROWS, [{ attribute: "heritage", text: "Kazakh" }])).toEqual([]);
  });
});

describe("joinLabels", () => {
  it.each([
    [["Age"], "Age"],
    [["Age", "City"], "Age and City"],
    [["Age", "City", "Occupation"], "Age, City and Occupation"],
  ])("%o reads %s", (labels, expected) => {
    expect(joinLabels(labels)).toBe(expected);
  });
});
