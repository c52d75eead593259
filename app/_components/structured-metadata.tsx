import type { PageMetadata } from "@/lib/meta/page-metadata";

/** JSON with <, > and & as \u escapes: corpus text never appears as markup, even in a data block. */
const toScriptSafeJson = (data: unknown) => JSON.stringify(data).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");

/**
 * Open Graph tags (React hoists <meta> into the head) and the schema.org JSON-LD of a page.
 * The JSON-LD is a data block, never run, written as text (React escapes any "</script").
 */
export function StructuredMetadata({ metadata }: { metadata: PageMetadata }) {
  return (
    <>
      {Object.entries(metadata.openGraph).flatMap(([property, value]) =>
        [value].flat().map((content, i) => <meta key={`${property}-${i}`} property={property} content={content} />),
      )}
      <script type="application/ld+json">{toScriptSafeJson(metadata.jsonLd)}</script>
    </>
  );
}
