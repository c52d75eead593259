import type { QuoteKind } from "../vocabulary";

// How a quote is presented outside its document. Only a direct quotation stands in
// quotation marks; a paraphrase is the reporter's wording and is labelled as reported
// speech, never put in the person's mouth. Inside a direct quotation, its own double
// quotation marks become single ones (American usage, which MLA, Chicago and APA follow:
// CMOS 17 §13.30, MLA Handbook 9 §6.33, APA 7 §8.33), so no quotation reads
// “Russia “did the right thing” because…”.

/** Double quotation marks inside a quotation become single ones, and single ones double. */
export function nestQuotationMarks(text: string): string {
  // ‘ … ’ pairs only, closed by a ’ that no letter follows: any other ’ is an apostrophe
  const swappedSingles = text.replace(/‘(.*?)’(?!\p{L})/gu, "\u0001$1\u0002");
  return swappedSingles
    .replace(/“/g, "‘")
    .replace(/”/g, "’")
    .replace(/"([^"]*)"/g, "‘$1’")
    .replace(/\u0001/g, "“")
    .replace(/\u0002/g, "”");
}

/** A direct quotation in quotation marks; a paraphrase as it stands, to be labelled as reported speech. */
export function presentQuote(quote: { kind: QuoteKind; text: string }): string {
  return quote.kind === "direct" ? `“${nestQuotationMarks(quote.text)}”` : quote.text;
}

/** What a quote is, in words: for labels beside it and in notes. */
export function describeQuoteKind(kind: QuoteKind): string {
  return kind === "direct" ? "Direct quotation" : "Paraphrase (reported speech: the reporter’s words, not a direct quotation)";
}
