import type { Nodes, PhrasingContent, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";

// Documents are stored as the light Markdown they were copied in (headings, bold, italic,
// `[text](#)` links, `---` rules, lists, pull-quotes between two rules). Quotes and evidence
// are located by character offsets into that stored text, so the parse keeps, for every
// character a reader sees, the offset it came from: each text leaf is a slice of the stored
// text, and the syntax around it (`**`, `## `, `[`, `](#)`) belongs to no leaf.

/** Characters a reader sees, with the offsets of the stored text they come from. */
export type TextLeaf = {
  type: "text";
  start: number;
  end: number;
  /** `source.slice(start, end)`, unless the leaf is atomic. */
  text: string;
  /** Text that is not a slice of the stored text (a decoded character reference): not to be cut. */
  atomic?: true;
};

/** Inline content; `L` is the leaf, a TextLeaf as parsed or a leaf cut further (at quotes). */
export type Inline<L = TextLeaf> =
  | L
  | { type: "strong" | "emphasis"; children: Inline<L>[] }
  /** `href` is null for links that point nowhere (`[text](#)`): those read as plain text. */
  | { type: "link"; href: string | null; children: Inline<L>[] }
  | { type: "break" };

type Spanned = { start: number; end: number };

export type Block<L = TextLeaf> = Spanned &
  (
    | { type: "paragraph"; children: Inline<L>[] }
    | { type: "heading"; depth: 1 | 2 | 3 | 4 | 5 | 6; children: Inline<L>[] }
    | { type: "code"; children: Inline<L>[] }
    | { type: "list"; ordered: boolean; first: number | null; items: Block<L>[][] }
    | { type: "rule" }
    /** `pull` for a pull-quote: an emphasised paragraph set between two `---` rules, which it replaces. */
    | { type: "quote"; pull: boolean; children: Block<L>[] }
  );

/** The same blocks with every leaf replaced by the leaves `f` makes of it. */
export function mapLeaves<A extends { type: "text" }, B>(blocks: Block<A>[], f: (leaf: A) => B[]): Block<B>[] {
  const inlines = (nodes: Inline<A>[]): Inline<B>[] =>
    nodes.flatMap((node): Inline<B>[] => {
      if (node.type === "text") return f(node as A);
      if (node.type === "break") return [node];
      return [{ ...node, children: inlines(node.children) }];
    });
  return blocks.map((block): Block<B> => {
    switch (block.type) {
      case "rule":
        return block;
      case "list":
        return { ...block, items: block.items.map((item) => mapLeaves(item, f)) };
      case "quote":
        return { ...block, children: mapLeaves(block.children, f) };
      default:
        return { ...block, children: inlines(block.children) };
    }
  });
}

/** Every block of inline text, in reading order, however deep in lists and quotes. */
export function listTextBlocks<L>(blocks: Block<L>[]): Extract<Block<L>, { children: Inline<L>[] }>[] {
  return blocks.flatMap((block) => {
    switch (block.type) {
      case "rule":
        return [];
      case "list":
        return block.items.flatMap((item) => listTextBlocks(item));
      case "quote":
        return listTextBlocks(block.children);
      default:
        return [block];
    }
  });
}

// Indented code is off: copies of web pages indent paragraphs with spaces (Window on Eurasia
// indents every paragraph by twelve), and none of them holds code.
const EXTENSIONS = [{ disable: { null: ["codeIndented"] } }];

const SAFE_HREF = /^https?:\/\//i;

function span(node: Nodes): Spanned {
  return { start: node.position!.start.offset!, end: node.position!.end.offset! };
}

/**
 * The leaves for a text node: its value, aligned character by character with the stored text
 * it was parsed from. Characters the parser dropped (indentation of continuation lines, the
 * backslash of an escape) fall between leaves. A value that cannot be aligned (a decoded
 * character reference) becomes one atomic leaf over the node's whole span.
 */
function alignLeaves(source: string, { start, end }: Spanned, value: string): TextLeaf[] {
  if (source.slice(start, end) === value) return value ? [{ type: "text", start, end, text: value }] : [];
  const leaves: TextLeaf[] = [];
  let runStart = -1;
  let i = start;
  const flush = () => {
    if (runStart !== -1) leaves.push({ type: "text", start: runStart, end: i, text: source.slice(runStart, i) });
    runStart = -1;
  };
  for (let j = 0; j < value.length;) {
    if (i >= end) return [{ type: "text", start, end, text: value, atomic: true }];
    if (source[i] === value[j]) {
      if (runStart === -1) runStart = i;
      j++;
    } else {
      flush();
    }
    i++;
  }
  flush();
  return leaves;
}

function toInlines(source: string, nodes: PhrasingContent[]): Inline[] {
  return nodes.flatMap((node): Inline[] => {
    switch (node.type) {
      case "text":
      case "inlineCode":
      case "html":
        return alignLeaves(source, span(node), node.value);
      case "strong":
      case "emphasis":
        return [{ type: node.type, children: toInlines(source, node.children) }];
      case "delete":
      case "linkReference":
        return toInlines(source, node.children);
      case "link":
        return [{ type: "link", href: SAFE_HREF.test(node.url) ? node.url : null, children: toInlines(source, node.children) }];
      case "image":
      case "imageReference":
        return node.alt ? [{ type: "text", ...span(node), text: node.alt, atomic: true }] : [];
      case "break":
        return [{ type: "break" }];
      default:
        return [];
    }
  });
}

/** A paragraph whose every word is bold or italic: how the copies print a pull-quote. */
function isEmphasised(node: RootContent | undefined): boolean {
  if (node?.type !== "paragraph") return false;
  const visible = node.children.filter((c) => !(c.type === "text" && c.value.trim() === ""));
  return visible.length > 0 && visible.every((c) => c.type === "strong" || c.type === "emphasis");
}

function toBlocks(source: string, nodes: RootContent[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    switch (node.type) {
      case "thematicBreak": {
        const [inside, closing] = [nodes[i + 1], nodes[i + 2]];
        if (isEmphasised(inside) && closing?.type === "thematicBreak") {
          blocks.push({
            type: "quote",
            pull: true,
            start: span(node).start,
            end: span(closing).end,
            children: toBlocks(source, [inside!]),
          });
          i += 2;
        } else {
          blocks.push({ type: "rule", ...span(node) });
        }
        break;
      }
      case "paragraph":
        blocks.push({ type: "paragraph", ...span(node), children: toInlines(source, node.children) });
        break;
      case "heading":
        blocks.push({ type: "heading", depth: node.depth, ...span(node), children: toInlines(source, node.children) });
        break;
      case "code": {
        // The value lies inside the fences; its lines are found in the stored text in order.
        const at = source.indexOf(node.value, span(node).start);
        const leaves = at === -1 ? [] : alignLeaves(source, { start: at, end: at + node.value.length }, node.value);
        blocks.push({ type: "code", ...span(node), children: leaves });
        break;
      }
      case "html":
        blocks.push({ type: "paragraph", ...span(node), children: alignLeaves(source, span(node), node.value) });
        break;
      case "list":
        blocks.push({
          type: "list",
          ...span(node),
          ordered: node.ordered === true,
          first: node.ordered ? (node.start ?? 1) : null,
          items: node.children.map((item) => toBlocks(source, item.children)),
        });
        break;
      case "blockquote":
        blocks.push({ type: "quote", pull: false, ...span(node), children: toBlocks(source, node.children) });
        break;
      default:
        break; // definitions and the like print nothing
    }
  }
  return blocks;
}

/** Parses a stored document's light Markdown into blocks whose text leaves keep their offsets. */
export function parseDocument(source: string): Block[] {
  return toBlocks(source, fromMarkdown(source, { extensions: EXTENSIONS }).children);
}
