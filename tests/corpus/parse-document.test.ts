import { describe, expect, it } from "vitest";
import { toPlainText } from "@/lib/corpus/find-context";
import { loadCorpus } from "@/lib/corpus/load-corpus";
import { listTextBlocks, parseDocument, type Block, type Inline, type TextLeaf } from "@/lib/corpus/parse-document";
import { DATA_DIR } from "../helpers/paths";

function leavesOf(blocks: Block[]): TextLeaf[] {
  const inline = (nodes: Inline[]): TextLeaf[] =>
    nodes.flatMap((n) => (n.type === "text" ? [n] : n.type === "break" ? [] : inline(n.children)));
  return listTextBlocks(blocks).flatMap((b) => inline(b.children));
}

/** What a reader sees: the text of every block, one per line. */
function readerText(markdown: string): string {
  return listTextBlocks(parseDocument(markdown))
    .map((b) => toPlainText(b.children))
    .join("\n");
}

// Markdown syntax that must never reach a reader; "[" and "]" alone are printed text ("[By ethnicity]").
const SYNTAX = [/\*\*/, /(^|\s)\*[^\s*]/, /^#{1,6} /m, /\]\(/, /^---$/m, /^\s*[-+*] /m, /^> /m, /__/];

describe("parseDocument: each construct reads as formatted text, without its syntax", () => {
  it.each([
    ["an ATX heading", "## In support of Russia", "In support of Russia", "heading"],
    ["a heading in bold", "### **Protesting against the war**", "Protesting against the war", "heading"],
    ["bold", "Before **bold words** after", "Before bold words after", "paragraph"],
    ["italic with stars", "Before *italic words* after", "Before italic words after", "paragraph"],
    ["italic with underscores", "Before _italic words_ after", "Before italic words after", "paragraph"],
    [
      "a link that points nowhere",
      "when more than 1,500 people [gathered](#) in Almaty",
      "when more than 1,500 people gathered in Almaty",
      "paragraph",
    ],
    ["an autolink", "<https://www.opendemocracy.net/en/odr/>", "https://www.opendemocracy.net/en/odr/", "paragraph"],
    ["a bullet list of links", "- [In support of Russia](#)\n- [Protesting](#)", "In support of Russia\nProtesting", "list"],
    ["an ordered list", "1. first\n2. second", "first\nsecond", "list"],
    ["a pull-quote between rules", "---\n\n***“Kazakhstan has strong ties”***\n\n---", "“Kazakhstan has strong ties”", "quote"],
    ["a block quote", "> quoted words", "quoted words", "quote"],
    ["a paragraph indented by spaces (not code)", "Goble\n\n            Staunton, April 15", "Goble\nStaunton, April 15", "paragraph"],
    ["square brackets that are not a link", "“[By ethnicity] I’m half Ukrainian”", "“[By ethnicity] I’m half Ukrainian”", "paragraph"],
    ["an escaped star", "a \\*literal\\* star", "a *literal* star", "paragraph"],
  ])("%s", (_name, markdown, expected, blockType) => {
    const blocks = parseDocument(markdown);
    expect(blocks[0]!.type).toBe(blockType);
    const seen = readerText(markdown);
    expect(seen).toBe(expected);
    if (!markdown.includes("\\")) for (const syntax of SYNTAX) expect(seen).not.toMatch(syntax);
  });

  it("reads a rule that frames nothing as a rule, with no text", () => {
    const blocks = parseDocument("First\n\n---\n\nSecond");
    expect(blocks.map((b) => b.type)).toEqual(["paragraph", "rule", "paragraph"]);
    expect(readerText("First\n\n---\n\nSecond")).toBe("First\nSecond");
  });

  it("keeps links with a real address and drops those that point nowhere", () => {
    const [para] = parseDocument("[gathered](#) and <https://example.org/a>") as [Extract<Block, { type: "paragraph" }>];
    const links = para.children.filter((c) => c.type === "link");
    expect(links.map((l) => l.href)).toEqual([null, "https://example.org/a"]);
  });

  it("never links to a script", () => {
    const [para] = parseDocument("[click](javascript:alert(1))") as [Extract<Block, { type: "paragraph" }>];
    expect(para.children[0]).toMatchObject({ type: "link", href: null });
  });

  it.each([
    ["bold", "a **bold** b"],
    ["a link", "a [gathered](#) b"],
    ["a heading", "## **Heading words**"],
    ["a list", "- one\n- [two](#)"],
    ["soft line breaks with indentation", "first line\n   second line"],
    ["an escape", "a \\* b"],
  ])("maps every leaf of %s back to the very characters it shows", (_name, markdown) => {
    const leaves = leavesOf(parseDocument(markdown));
    expect(leaves.length).toBeGreaterThan(0);
    for (const leaf of leaves) expect(leaf.text).toBe(markdown.slice(leaf.start, leaf.end));
  });

  it("keeps a decoded character reference as one atomic leaf over its span", () => {
    const leaves = leavesOf(parseDocument("Tom &#38; Jerry"));
    expect(leaves.map((l) => l.text).join("")).toBe("Tom & Jerry");
    for (const leaf of leaves) if (!leaf.atomic) expect(leaf.text).toBe("Tom &#38; Jerry".slice(leaf.start, leaf.end));
  });
});

describe("parseDocument over the real corpus", async () => {
  const corpus = await loadCorpus(DATA_DIR);
  const documents = [...corpus.documents.values()].map((d) => [d.id, d.text] as const);

  it.each(documents)("%s: every leaf is a slice of the stored text", (_id, text) => {
    for (const leaf of leavesOf(parseDocument(text))) expect(leaf.atomic ? leaf.text : text.slice(leaf.start, leaf.end)).toBe(leaf.text);
  });

  it.each(documents)("%s: no Markdown syntax is left in what a reader sees", (_id, text) => {
    const seen = listTextBlocks(parseDocument(text))
      .map((b) => toPlainText(b.children))
      .join("\n");
    for (const syntax of SYNTAX) expect(seen).not.toMatch(syntax);
    expect(seen).not.toContain("[gathered](#)");
  });

  it("finds the constructs the openDemocracy copy prints", () => {
    const blocks = parseDocument(corpus.documents.get("001_23831c2f84a6a735")!.text);
    const types = new Set(blocks.map((b) => (b.type === "quote" && b.pull ? "pull-quote" : b.type)));
    expect(types).toEqual(new Set(["paragraph", "heading", "list", "pull-quote", "rule"]));
    expect(blocks.filter((b) => b.type === "quote" && b.pull)).toHaveLength(2);
  });
});
