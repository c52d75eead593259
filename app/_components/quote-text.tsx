import type { QuoteKind } from "@/lib/vocabulary";

/**
 * A quote's words as the corpus records them: a direct quotation is a quotation
 * (`<blockquote>`); a paraphrase is the reporter's words about what someone said, so it is
 * plain text, never marked up as the speaker's own.
 */
export function QuoteText({ kind, text }: { kind: QuoteKind; text: string }) {
  return kind === "direct" ? (
    <blockquote className="quote quote-direct">{text}</blockquote>
  ) : (
    <p className="quote quote-paraphrase">{text}</p>
  );
}
