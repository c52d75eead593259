import type { Segment } from "@/lib/search/highlight";

/**
 * Text with search matches in <mark>; corpus text is always rendered as text, never as HTML.
 * Unmatched text is a bare string, not a <span>: twenty results carry it twice (HTML and React payload).
 */
export function HighlightedText({ segments }: { segments: Segment[] }) {
  return <>{segments.map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : segment.text))}</>;
}
