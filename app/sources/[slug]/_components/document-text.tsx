import Link from "next/link";
import type { ReactNode } from "react";
import type { Block, Inline } from "@/lib/corpus/parse-document";
import type { LocatedQuote, MarkedText } from "@/lib/sources/mark-quotes";
import { STANCE_LABELS } from "@/lib/vocabulary";
import { buildVoiceQuoteHref } from "@/lib/voices/voice-quote-href";
import { AddToList } from "../../../_components/add-to-list";

type Props = {
  blocks: Block<MarkedText>[];
  /** The quotes this text highlights, in reading order. */
  quotes: LocatedQuote[];
  /** Only this voice's quotes are shown as quotes and navigated; the others are dimmed. */
  speaker: string | null;
  /** "?version=1.0.0" on a release's page, so links to speakers stay in that release. */
  pin?: string;
  /** For a text read in parts (`blocks` are one part's): the address of a quote in another part. */
  elsewhere?: QuoteElsewhere;
};

/** Where quotes outside the blocks shown are: `href` gives one's address, or null when it is among them. */
export type QuoteElsewhere = (quote: LocatedQuote) => string | null;

type Ctx = {
  quoteOf: Map<string, LocatedQuote>;
  /** Previous and next quote among those navigated. */
  around: Map<string, { number: number; previous?: LocatedQuote; next?: LocatedQuote }>;
  total: number;
  speaker: string | null;
  /** "?version=1.0.0" when the page shows a release, so links to speakers stay in it; else "". */
  pin: string;
  /** A quote's address for the ↑/↓ links: its fragment here, or the part that holds it. */
  hrefOf: (quote: LocatedQuote) => string;
};

const HEADINGS = ["h3", "h4", "h5", "h6", "h6", "h6"] as const;

/**
 * A document's Markdown as formatted text, every quote highlighted by its speaker's stance,
 * labelled with who says it and linked to the quotes before and after it. Plain links and
 * server-rendered markup only: it all works without JavaScript.
 */
export function DocumentText({ blocks, quotes, speaker, pin = "", elsewhere = () => null }: Props) {
  const navigated = speaker ? quotes.filter((q) => q.voiceSlug === speaker) : quotes;
  const around = new Map(navigated.map((q, i) => [q.id, { number: i + 1, previous: navigated[i - 1], next: navigated[i + 1] }]));
  const hrefOf = (q: LocatedQuote) => elsewhere(q) ?? `#quote-${q.id}`;
  const ctx: Ctx = { quoteOf: new Map(quotes.map((q) => [q.id, q])), around, total: navigated.length, speaker, pin, hrefOf };
  return <div className="document-text">{renderBlocks(blocks, ctx)}</div>;
}

function renderBlocks(blocks: Block<MarkedText>[], ctx: Ctx): ReactNode[] {
  return blocks.map((block, i) => {
    switch (block.type) {
      case "paragraph":
        return <p key={i}>{renderInlines(block.children, ctx, false)}</p>;
      case "heading": {
        // The page's own h1 and h2 come first: the document's headings sit below them.
        const Heading = HEADINGS[block.depth - 1]!;
        return <Heading key={i}>{renderInlines(block.children, ctx, false)}</Heading>;
      }
      case "code":
        return <pre key={i}>{renderInlines(block.children, ctx, false)}</pre>;
      case "rule":
        return <hr key={i} />;
      case "list": {
        const items = block.items.map((item, j) => <li key={j}>{renderBlocks(item, ctx)}</li>);
        return block.ordered ? (
          <ol key={i} start={block.first ?? undefined}>
            {items}
          </ol>
        ) : (
          <ul key={i}>{items}</ul>
        );
      }
      case "quote":
        return (
          <blockquote key={i} className={block.pull ? "pull-quote" : undefined}>
            {renderBlocks(block.children, ctx)}
          </blockquote>
        );
    }
  });
}

function hasQuote(nodes: Inline<MarkedText>[]): boolean {
  return nodes.some((n) => (n.type === "text" ? n.quote !== null : n.type !== "break" && hasQuote(n.children)));
}

function renderInlines(nodes: Inline<MarkedText>[], ctx: Ctx, inLink: boolean): ReactNode[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case "text":
        return node.quote ? <QuotePiece key={i} piece={node} ctx={ctx} inLink={inLink} /> : node.text;
      case "break":
        return <br key={i} />;
      case "strong":
        return <strong key={i}>{renderInlines(node.children, ctx, inLink)}</strong>;
      case "emphasis":
        return <em key={i}>{renderInlines(node.children, ctx, inLink)}</em>;
      case "link":
        // `[text](#)` points nowhere and reads as text. A real address stays a link unless a
        // quote runs through it: the quote's own links cannot sit inside another link.
        return node.href && !hasQuote(node.children) ? (
          <a key={i} href={node.href} rel="noreferrer nofollow">
            {renderInlines(node.children, ctx, true)}
          </a>
        ) : (
          <span key={i}>{renderInlines(node.children, ctx, inLink)}</span>
        );
    }
  });
}

function QuotePiece({ piece, ctx, inLink }: { piece: MarkedText; ctx: Ctx; inLink: boolean }) {
  const { id, first, last } = piece.quote!;
  const quote = ctx.quoteOf.get(id)!;
  const place = ctx.around.get(id);
  const dimmed = ctx.speaker !== null && quote.voiceSlug !== ctx.speaker;
  return (
    <>
      {first && (
        <span data-quote={id} className={`quote-tag stance-${quote.stance}${dimmed ? " quote-dimmed" : ""}`}>
          {inLink ? quote.voiceName : <Link href={buildVoiceQuoteHref(quote.voiceSlug, id, ctx.pin)}>{quote.voiceName}</Link>}
          {!dimmed && <span className="quote-tag-stance">{STANCE_LABELS[quote.stance]}</span>}
          {place && (
            <span className="visually-hidden">
              , quote {place.number} of {ctx.total}:
            </span>
          )}
        </span>
      )}
      {/* the permalink's target (#quote-<id>) is the highlight itself; its label sits just before it */}
      <mark
        id={first ? `quote-${id}` : undefined}
        data-quote={id}
        className={`quote stance-mark-${quote.stance}${dimmed ? " quote-dimmed" : ""}`}
      >
        {piece.text}
      </mark>
      {last && place && !inLink && (
        <span className="quote-nav">
          {place.previous ? (
            <a href={ctx.hrefOf(place.previous)}>
              <span aria-hidden="true">↑</span>
              <span className="visually-hidden">Previous quote, by {place.previous.voiceName}</span>
            </a>
          ) : null}
          <span className="quote-number" aria-hidden="true">
            {place.number}/{ctx.total}
          </span>
          {place.next ? (
            <a href={ctx.hrefOf(place.next)}>
              <span aria-hidden="true">↓</span>
              <span className="visually-hidden">Next quote, by {place.next.voiceName}</span>
            </a>
          ) : null}
          {!dimmed && <AddToList id={id} label={`${quote.voiceName}, quote ${place.number}`} />}
        </span>
      )}
    </>
  );
}
