import { describe, expect, it, vi } from "vitest";
import { buildArticleItem, buildVoiceEntryItem, toCslName, type CitableSource } from "@/lib/citation/csl-items";
import { formatInText, formatQuotedIn, formatReference } from "@/lib/citation/format-citation";

const OPEN_DEMOCRACY: CitableSource = {
  slug: "od",
  type: "article",
  title: "How Kazakhstan society is divided over the Russia-Ukraine war",
  publisher: "openDemocracy",
  authors: ["Aigerim Shapagat", "Marina Samoilovich", "Paolo Sorbello"],
  publishedAt: "2022-03-23",
  url: "https://www.opendemocracy.net/en/odr/ukraine-russia-war-opinion-kazakhstan-divided-putin/",
};
const UNDATED: CitableSource = {
  slug: "dip",
  type: "article",
  title: "The Kazakhstanis Picking Sides in Putin’s War in Ukraine",
  publisher: "The Diplomat",
  authors: [],
  publishedAt: null,
  url: null,
};
const BLOG: CitableSource = {
  slug: "woe",
  type: "blog-post",
  title: "Kazakhstan Opposes the War",
  publisher: "Window on Eurasia",
  authors: ["Paul Goble"],
  publishedAt: "2022-04-25",
  url: null,
};
const URL = OPEN_DEMOCRACY.url!;

describe("references to the original article (hand-checked against the style guides)", () => {
  it.each([
    [
      "apa",
      OPEN_DEMOCRACY,
      `Shapagat, A., Samoilovich, M., & Sorbello, P. (2022, March 23). How Kazakhstan society is divided over the Russia-Ukraine war. openDemocracy. ${URL}`,
    ],
    [
      "mla",
      OPEN_DEMOCRACY,
      `Shapagat, Aigerim, et al. “How Kazakhstan Society Is Divided over the Russia-Ukraine War.” openDemocracy, 23 Mar. 2022, ${URL}.`,
    ],
    [
      "chicago",
      OPEN_DEMOCRACY,
      `Shapagat, Aigerim, Marina Samoilovich, and Paolo Sorbello. 2022. “How Kazakhstan Society Is Divided over the Russia-Ukraine War.” openDemocracy, March 23, 2022. ${URL}.`,
    ],
    ["apa", UNDATED, "The Kazakhstanis Picking Sides in Putin’s War in Ukraine. (n.d.). The Diplomat."],
    ["mla", UNDATED, "“The Kazakhstanis Picking Sides in Putin’s War in Ukraine.” The Diplomat."],
    ["chicago", UNDATED, "“The Kazakhstanis Picking Sides in Putin’s War in Ukraine.” n.d. The Diplomat."],
    ["apa", BLOG, "Goble, P. (2022, April 25). Kazakhstan Opposes the War. Window on Eurasia."],
    ["chicago", BLOG, "Goble, Paul. 2022. “Kazakhstan Opposes the War.” Window on Eurasia, April 25, 2022."],
  ] as const)("%s: %s", (style, source, expected) => {
    expect(formatReference(buildArticleItem(source), style)).toBe(expected);
  });
});

describe("in-text citations of a person quoted in the article", () => {
  it.each([
    ["apa", "(Shapagat et al., 2022)", "(Gulmira, as cited in Shapagat et al., 2022)"],
    ["mla", "(Shapagat et al.)", "(qtd. in Shapagat et al.)"],
    ["chicago", "(Shapagat, Samoilovich, and Sorbello 2022)", "(Gulmira, quoted in Shapagat, Samoilovich, and Sorbello 2022)"],
  ] as const)("%s", (style, inText, quotedIn) => {
    const item = buildArticleItem(OPEN_DEMOCRACY);
    expect(formatInText(item, style)).toBe(inText);
    expect(formatQuotedIn(item, style, "Gulmira")).toBe(quotedIn);
  });
});

describe("references to a corpus entry", () => {
  const stamp = { version: "9479bd278b1d", seededAt: "2026-11-20T09:00:00.000Z", accessedAt: new Date("2026-11-22T12:00:00Z") };
  // built in each test, after it has set PUBLIC_URL: the permalink is on the deployment's URL
  const entry = () => buildVoiceEntryItem({ slug: "gulmira-karaganda", name: "Gulmira" }, OPEN_DEMOCRACY, stamp);

  it.each([
    [
      "apa",
      "Voices. (2026). Gulmira, as quoted in openDemocracy (Version 9479bd278b1d) [Data set]. Voices. http://localhost:3000/voices/gulmira-karaganda",
    ],
    [
      "mla",
      "Voices. “Gulmira, as Quoted in openDemocracy.” Voices, version 9479bd278b1d, 20 Nov. 2026, http://localhost:3000/voices/gulmira-karaganda.",
    ],
    [
      "chicago",
      "Voices. 2026. “Gulmira, as Quoted in openDemocracy.” Voices, Version 9479bd278b1d. http://localhost:3000/voices/gulmira-karaganda.",
    ],
  ] as const)("%s, without PUBLIC_URL", (style, expected) => {
    vi.stubEnv("PUBLIC_URL", undefined);
    expect(formatReference(entry(), style)).toBe(expected);
  });

  it("links to the permalink on PUBLIC_URL when it is set", () => {
    vi.stubEnv("PUBLIC_URL", "https://voices.example.org/");
    expect(formatReference(entry(), "apa")).toBe(
      "Voices. (2026). Gulmira, as quoted in openDemocracy (Version 9479bd278b1d) [Data set]. Voices. https://voices.example.org/voices/gulmira-karaganda",
    );
  });
});

describe("toCslName", () => {
  it.each([
    ["Aigerim Shapagat", { family: "Shapagat", given: "Aigerim" }],
    ["Kassym-Jomart Tokayev", { family: "Tokayev", given: "Kassym-Jomart" }],
    ["Жанар Сейткали", { family: "Сейткали", given: "Жанар" }],
    ["Voices", { literal: "Voices" }],
  ])("%s", (printed, expected) => {
    expect(toCslName(printed)).toEqual(expected);
  });
});
