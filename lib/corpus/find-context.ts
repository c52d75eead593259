import type { Span } from "./locate-text";
import { collapseWhitespace } from "./normalize-text";
import { listTextBlocks, type Block, type Inline, type TextLeaf } from "./parse-document";

/** What a reader sees of some inline content: its leaves' text, a line break as a space. */
export function toPlainText(nodes: Inline<{ type: "text"; text: string }>[]): string {
  return nodes.map((node) => (node.type === "text" ? node.text : node.type === "break" ? "\n" : toPlainText(node.children))).join("");
}

/**
 * The context shown with a quote: the paragraph (heading, list item…) around `span` as a
 * reader sees it, without Markdown syntax, whitespace collapsed; every block the span
 * touches when it runs over more than one. Only syntax is dropped, so the quote's own
 * words stay in the context as printed.
 */
export function findContext(blocks: Block<TextLeaf>[], span: Span): string {
  const touched = listTextBlocks(blocks).filter((b) => b.start < span.end && span.start < b.end);
  return collapseWhitespace(touched.map((b) => toPlainText(b.children)).join(" "));
}
