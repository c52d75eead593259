import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { editCorpusFile } from "./corpus-copy";

// The next release the release tests make on a copy of the real corpus: Rustem's stance and
// the words of one of his quotes corrected, one of Sergiy Nahornyak's paraphrases withdrawn,
// and Darkhan Sharipov withdrawn whole.

export const DIPLOMAT = "sources/diplomat-kazakhstanis-picking-sides.yaml";
export const OLD_WORDS = "People come to charge their phones, drink tea, hang out, sing… it’s moral and psychological support";
export const NEW_WORDS = "People come to charge their phones, drink tea, hang out";
export const NEXT_RELEASE_NOTES = "Rustem's stance and words corrected; a paraphrase withdrawn because it was the reporter's summary.";

/** Today, as a release's date. */
export const today = () => new Date().toISOString().slice(0, 10);

/** Rustem's stance, pro-Ukraine in the real corpus, made neutral. */
export function changeRustemsStance(dataDir: string): void {
  editCorpusFile(
    dataDir,
    DIPLOMAT,
    '    stance: pro_ukraine\n    stanceRationale: He says "Kazakh people',
    '    stance: neutral\n    stanceRationale: He says "Kazakh people',
  );
}

/** Every edit of the next release (see above), in the corpus copy at `dataDir`. */
export function editForNextRelease(dataDir: string): void {
  changeRustemsStance(dataDir);
  editCorpusFile(dataDir, DIPLOMAT, `text: "${OLD_WORDS}"`, `text: "${NEW_WORDS}"`);
  editCorpusFile(
    dataDir,
    DIPLOMAT,
    `      - id: sergiy-nahornyak-1\n        kind: paraphrase\n        text: "the yurts were his idea"\n`,
    "",
  );
  const file = path.join(dataDir, DIPLOMAT);
  writeFileSync(file, readFileSync(file, "utf8").replace(/ {2}- slug: darkhan-sharipov[\s\S]*?\n(?=excluded:)/, ""));
}
