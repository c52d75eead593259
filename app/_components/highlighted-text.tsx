import type { Segment } from "@/lib/search/highlight";

/** Text with search matches in <mark>; corpus text is always rendered as text, never as HTML. */
export function HighlightedText({ segments }: { segments: Segment[] }) {
  return <>{segments.map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}</>;
}
