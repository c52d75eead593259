// The parts of citation-js (which ships no types) that lib/citation uses.
declare module "@citation-js/core" {
  export class Cite {
    constructor(data: unknown);
    format(format: string, options?: Record<string, unknown>): string | object;
  }
  export const plugins: {
    config: {
      get(name: "@csl"): { styles: { add(name: string, xml: string): void; has(name: string): boolean } };
      get(name: "@bibtex"): { format: { asciiOnly: boolean } };
    };
  };
}
declare module "@citation-js/plugin-csl";
declare module "@citation-js/plugin-bibtex";
declare module "@citation-js/plugin-ris";
