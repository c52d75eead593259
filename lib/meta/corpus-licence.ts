// The terms the corpus is published under. The annotations (who is quoted, their stated
// facts, stances and rationales, the quote boundaries) are ours to license; the quoted words
// and the documents stay the publishers' and are reproduced to let readers verify each quote.

export const CORPUS_LICENCE = {
  name: "CC-BY-4.0",
  title: "Creative Commons Attribution 4.0 International",
  path: "https://creativecommons.org/licenses/by/4.0/",
} as const;

export const CORPUS_RIGHTS_NOTE =
  "The annotations are licensed CC BY 4.0. The quoted words and the source documents remain the copyright of their publishers " +
  "(openDemocracy, Window on Eurasia, The Diplomat, Responsible Statecraft); they are reproduced so that every quote can be checked against the text it came from.";
