import type { PageMetadata } from "@/lib/meta/page-metadata";

/**
 * Open Graph tags (React hoists <meta> into the head) and the schema.org JSON-LD of a page.
 * The JSON-LD is a data block, never run; React writes it as text and escapes any "</script".
 */
export function StructuredMetadata({ metadata }: { metadata: PageMetadata }) {
  return (
    <>
      {Object.entries(metadata.openGraph).flatMap(([property, value]) =>
        [value].flat().map((content, i) => <meta key={`${property}-${i}`} property={property} content={content} />),
      )}
      <script type="application/ld+json">{JSON.stringify(metadata.jsonLd)}</script>
    </>
  );
}
