import { z } from "zod";
import { MULTI_VALUED, VOICE_QUERY_FIELDS } from "../search/voice-query";
import { RANK_CAP } from "../search/find-text-matches";
import { FACET_ALL_UP_TO, FACET_TOP } from "../search/facet-display";
import { FACET_VALUES_FIELDS, FACET_VALUES_PAGE_SIZE } from "../search/find-facet-values";
import { EXPORT_FIELDS } from "../export/export-request";
import { RELATED_SHOWN } from "../voices/get-voice";
import { SlugParamSchema } from "./json-responses";
import { COMPARE_LIMITS, EXPORT_LIMITS, QUERY_LIMITS, QUOTE_LIST_LIMITS } from "../vocabulary";

const EXPORT_DESCRIPTIONS: Record<keyof typeof EXPORT_FIELDS, string> = {
  format: "File format. Required.",
  shape: "One row per quote (default) or per voice.",
  bom: "CSV only: start with a byte-order mark so Excel reads UTF-8 (1 or true).",
  voice: "Export one voice (a slug) instead of the filtered selection.",
  quote: `A quote list: quote ids separated by commas (or repeated), at most ${QUOTE_LIST_LIMITS.quotesMax}, exported in this order, one row per quote. Each quote may carry a note in a parameter named note.<id> (at most ${QUOTE_LIST_LIMITS.noteMaxLength} characters), exported beside it. A repeated id is kept once; ids not in the corpus are left out and named in the export's selection; if none is known, 404.`,
  v: `A compare set: voice slugs separated by commas, at most ${EXPORT_LIMITS.compareSetMax}.`,
  version:
    "A release of the corpus (e.g. 1.0.0) to export from, instead of the working data; its permalinks and citations then name that release.",
};

/** `?version=`, which every route but this document takes: read a release instead of the working data. */
const versionParameter = {
  name: "version",
  in: "query",
  required: false,
  description:
    "A release of the corpus (e.g. 1.0.0; GET /api/releases lists them) to read instead of the working data. A malformed version is a 400, an unknown one a 404 naming it.",
  schema: { type: "string", pattern: "^\\d+\\.\\d+\\.\\d+$" },
};

function exportParameters() {
  return (Object.keys(EXPORT_FIELDS) as (keyof typeof EXPORT_FIELDS)[]).map((name) => {
    const schema = z.toJSONSchema(EXPORT_FIELDS[name], { io: "input", unrepresentable: "any" });
    delete (schema as { $schema?: string }).$schema;
    return { name, in: "query", required: name === "format", description: EXPORT_DESCRIPTIONS[name], schema };
  });
}

const PARAMETER_DESCRIPTIONS: Record<keyof typeof VOICE_QUERY_FIELDS, string> = {
  q: `Full-text search over quotes, names, occupations and places. Words combine with AND, in any order, and match their English forms ("wars" finds "war"); "quoted words" form a phrase matched exactly; a trailing * matches a word's beginning. Case, accents and Cyrillic letters that look Latin are ignored; a place name matches every spelling of the place ("Nur-Sultan" finds "Astana"). At most ${QUERY_LIMITS.qMaxLength} characters.`,
  stance: "Stance on the war.",
  city: 'City: a place\'s slug ("karaganda"), name ("Karaganda") or any spelling in the gazetteer ("Qaraghandy", "Караганда", "Nur-Sultan" for Astana), in any case; "unknown" for voices whose city is not stated. A value that names no place is a 400 listing the slugs.',
  region:
    'Region name as listed in the facets, in any case; "unknown" for none stated. A value that names no region is a 400 listing them.',
  country: 'Country name, e.g. "Kazakhstan", in any case; "unknown" for none stated. A value that names no country is a 400 listing them.',
  role: "Role category.",
  ageBand: 'Age band; "unknown" for voices whose age is not stated.',
  ageMin: "Lowest age (voices with no stated age are excluded).",
  ageMax: "Highest age (voices with no stated age are excluded).",
  source:
    'Source slug (e.g. "opendemocracy-kazakhstan-divided") or title, or a publisher\'s name ("The Diplomat"), which selects each of its sources; in any case. A value that names no source is a 400 listing the slugs.',
  kind: "Quote kind: direct quotation or paraphrase.",
  sort: "Sort order. Relevance is search rank, or corpus order without a search; source is the order the sources print the quotes in; name sorts by the speaker.",
  view: "voices lists one result per person, quotes one per quote (facets then count quotes). /api/quotes always lists quotes.",
  page: "Page number, from 1.",
  pageSize: `Results per page, at most ${QUERY_LIMITS.pageSizeMax}.`,
};

function queryParameters() {
  return (Object.keys(VOICE_QUERY_FIELDS) as (keyof typeof VOICE_QUERY_FIELDS)[]).map((name) => {
    const multi = (MULTI_VALUED as readonly string[]).includes(name);
    const schema = z.toJSONSchema(VOICE_QUERY_FIELDS[name], { io: "input", unrepresentable: "any" });
    delete (schema as { $schema?: string }).$schema;
    return {
      name,
      in: "query",
      required: false,
      description: PARAMETER_DESCRIPTIONS[name] + (multi ? " Repeat the key or separate values with commas; values combine with OR." : ""),
      ...(multi ? { style: "form", explode: true } : {}),
      schema,
    };
  });
}

const FACET_VALUES_DESCRIPTIONS: Record<keyof typeof FACET_VALUES_FIELDS, string> = {
  facetQ: "Words within the values' labels (or values): only those containing them, folded like the search box.",
  facetPage: `Page of values, from 1; ${FACET_VALUES_PAGE_SIZE} a page.`,
};

function facetValuesParameters() {
  return (Object.keys(FACET_VALUES_FIELDS) as (keyof typeof FACET_VALUES_FIELDS)[]).map((name) => {
    const schema = z.toJSONSchema(FACET_VALUES_FIELDS[name], { io: "input", unrepresentable: "any" });
    delete (schema as { $schema?: string }).$schema;
    return { name, in: "query", required: false, description: FACET_VALUES_DESCRIPTIONS[name], schema };
  });
}

const errorResponse = (description: string) => ({
  description,
  content: {
    "application/json": {
      schema: {
        type: "object",
        properties: {
          error: {
            type: "object",
            properties: {
              status: { type: "integer" },
              message: { type: "string" },
              issues: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    parameter: { type: "string" },
                    message: { type: "string" },
                    allowed: { type: "array", items: { type: "string" } },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
});

const ok = (description: string) => ({ description, content: { "application/json": { schema: { type: "object" } } } });

/** OpenAPI 3.1 description of every endpoint, with parameters generated from the zod schemas. */
export function buildOpenApiDocument() {
  const slug = { name: "slug", in: "path", required: true, schema: z.toJSONSchema(SlugParamSchema) };
  const listResponses = {
    200: ok("Matching items"),
    400: errorResponse("A parameter is invalid; `issues` names it and what is allowed"),
    404: errorResponse("No release has the version asked for"),
  };
  const itemResponses = {
    200: ok("The item"),
    400: errorResponse("The slug is malformed"),
    404: errorResponse("No item has this slug in this version of the corpus, or no such release"),
  };
  return {
    openapi: "3.1.0",
    "x-limits": {
      ...QUERY_LIMITS,
      compareVoices: COMPARE_LIMITS,
      exportVoices: EXPORT_LIMITS.compareSetMax,
      exportRows: EXPORT_LIMITS.maxRows,
    },
    info: {
      title: "Voices API",
      version: "1",
      description:
        "The people quoted in news reporting on how Kazakhstan views Russia's war in Ukraine, with their exact words. " +
        "Every list endpoint takes the explorer's parameters; unknown parameters are ignored. " +
        `Limits: pageSize at most ${QUERY_LIMITS.pageSizeMax}; page at most ${QUERY_LIMITS.pageMax}; q at most ${QUERY_LIMITS.qMaxLength} characters; ` +
        `at most ${QUERY_LIMITS.valuesPerFilter} values per filter, each at most ${QUERY_LIMITS.valueMaxLength} characters; ` +
        `the compare page shows ${COMPARE_LIMITS.min} to ${COMPARE_LIMITS.max} voices; an export names at most ${EXPORT_LIMITS.compareSetMax} voices in v and holds at most ${EXPORT_LIMITS.maxRows} rows. ` +
        "Anything beyond a limit is a 400 that names the parameter.",
    },
    paths: {
      "/api/voices": {
        get: {
          summary: "Search and filter voices, with facet counts",
          description:
            `Each facet lists its values with a count (a selected value even without one); a facet with more than ${FACET_ALL_UP_TO} lists the selected and its ${FACET_TOP} largest, and \`moreFacetValues\` says how many it leaves out: /api/facets/{facet} lists them all. ` +
            "With a search, `query.ranking` says how relevance was measured: `bm25` (SQLite's bm25 over every match) or `approximate` " +
            `(more than ${RANK_CAP} matches in one index, ranked by the length of the matching text: bm25 as if each matched once).`,
          parameters: [...queryParameters(), versionParameter],
          responses: listResponses,
        },
      },
      "/api/voices/{slug}": {
        get: {
          summary: `One voice: attributes with evidence, stance, quotes, and related voices (same place, same stance: the first ${RELATED_SHOWN} of each by name, with their total)`,
          parameters: [slug, versionParameter],
          responses: itemResponses,
        },
      },
      "/api/quotes": {
        get: {
          summary: "Quotes with their speaker's attributes, filtered like voices",
          parameters: [...queryParameters(), versionParameter],
          responses: listResponses,
        },
      },
      "/api/facets/{facet}": {
        get: {
          summary: "Every value of one facet with its count under the explorer's parameters, the largest first, a page at a time",
          description:
            "Counts as /api/voices counts its facets (the facet's own selection not applied; quotes with view=quotes). Values without a count are left out unless selected.",
          parameters: [
            { name: "facet", in: "path", required: true, schema: { type: "string", enum: [...MULTI_VALUED] } },
            ...facetValuesParameters(),
            ...queryParameters(),
            versionParameter,
          ],
          responses: { ...listResponses, 400: errorResponse("The facet or a parameter is invalid; `issues` names it and what is allowed") },
        },
      },
      "/api/sources": {
        get: { summary: "Every source with its copies and counts", parameters: [versionParameter], responses: { 200: ok("All sources") } },
      },
      "/api/sources/{slug}": {
        get: {
          summary: "One source: copies, texts with quotes located, voices",
          description:
            "Each copy's `runs` cut its stored text, light Markdown as delivered, at every quote: quote offsets count characters of that stored text. " +
            "A quote's `context` (in /api/quotes, /api/voices/{slug} and exports) is the paragraph as the source page shows it, without Markdown.",
          parameters: [slug, versionParameter],
          responses: itemResponses,
        },
      },
      "/api/export": {
        get: {
          summary: "The selection as a file: CSV, JSON, JSON Lines, Markdown, BibTeX, RIS or CSL-JSON, streamed, with provenance",
          description:
            "Exports the explorer's filtered selection (same parameters as /api/voices; pagination is ignored), or one voice, one quote or a compare set. " +
            "Every export carries the corpus version, the time, the selection in words and how to cite the corpus. " +
            "CSV cells that a spreadsheet would run as formulas are neutralised; the other formats keep the exact words.",
          parameters: [...exportParameters(), ...queryParameters()],
          responses: {
            200: { description: "The file, as an attachment" },
            400: errorResponse("A parameter is invalid"),
            404: errorResponse("An unknown voice, quote or release"),
          },
        },
      },
      "/api/meta": {
        get: {
          summary: "The corpus version (a release, or unreleased changes after one), its date, its size, and how to cite it",
          parameters: [versionParameter],
          responses: { 200: ok("Corpus metadata"), 400: errorResponse("The version is malformed"), 404: errorResponse("No such release") },
        },
      },
      "/api/releases": {
        get: {
          summary: "Every release of the corpus, oldest first, with its date, notes, checksum, counts, what it changed, and its download",
          responses: { 200: ok("The releases, and whether the working data holds unreleased changes") },
        },
      },
      "/api/releases/{version}/download": {
        get: {
          summary:
            "A release as one zip archive: a Frictionless Data Package (datapackage.json and a CSV per table, with field types, keys, licence and how to cite), its SQLite database and the document texts",
          parameters: [{ name: "version", in: "path", required: true, schema: { type: "string", pattern: "^\\d+\\.\\d+\\.\\d+$" } }],
          responses: {
            200: { description: "The archive (application/zip), as an attachment" },
            400: errorResponse("The version is malformed"),
            404: errorResponse("No such release"),
          },
        },
      },
      "/api/openapi.json": { get: { summary: "This document", responses: { 200: ok("OpenAPI 3.1 document") } } },
    },
  };
}
