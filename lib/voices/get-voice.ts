import type { Database } from "../db/create-prisma-client";
import { PLACE_REF_SELECT, type PlaceRef } from "../places/place-ref";
import { QUOTE_REF_SELECT, toQuoteRef, type QuoteRef } from "../quotes/quote-ref";
import { SOURCE_REF_SELECT, toSourceRef, type SourceRef } from "../sources/source-ref";
import type { EvidencedAttribute, Stance } from "../vocabulary";
import { toVoiceRef, VOICE_REF_SELECT, type VoiceRef } from "./voice-ref";

type EvidenceSpan = { attribute: EvidencedAttribute; text: string; document: string; start: number; end: number };

export type VoiceDetail = VoiceRef & {
  isNamed: boolean;
  ageAsOf: string | null;
  place: PlaceRef | null;
  heritage: string | null;
  stanceRationale: string;
  evidence: EvidenceSpan[];
  source: SourceRef;
  quotes: QuoteRef[];
  /** Other voices from the same place and with the same stance: the first RELATED_SHOWN by name, and how many in all. */
  related: {
    sameCity: { total: number; voices: { slug: string; name: string; stance: Stance }[] };
    sameStance: { total: number; voices: { slug: string; name: string; city: string | null }[] };
  };
};

/** How many related voices a voice's page lists; the rest are a link to the explorer away. */
export const RELATED_SHOWN = 12;

const EVIDENCE_ORDER: EvidencedAttribute[] = ["age", "city", "occupation", "heritage"];

/** One voice with everything its page and API entry show, or null for an unknown slug. */
export async function getVoice(db: Database, slug: string): Promise<VoiceDetail | null> {
  const v = await db.voice.findUnique({
    where: { slug },
    select: {
      ...VOICE_REF_SELECT,
      isNamed: true,
      ageAsOf: true,
      heritage: true,
      stanceRationale: true,
      placeSlug: true,
      place: { select: PLACE_REF_SELECT },
      source: { select: SOURCE_REF_SELECT },
      evidence: { select: { attribute: true, text: true, documentId: true, start: true, end: true } },
      quotes: { orderBy: { position: "asc" }, select: QUOTE_REF_SELECT },
    },
  });
  if (!v) return null;

  const sameCityWhere = { placeSlug: v.placeSlug, slug: { not: v.slug } };
  const sameStanceWhere = { stance: v.stance, slug: { not: v.slug } };
  // totals count the voice itself and take it away: a count by place or stance alone reads only
  // the index, where excluding a slug would read each voice's row (a third of the corpus for a stance)
  const [sameCity, sameCityAndSelf, sameStance, sameStanceAndSelf] = await Promise.all([
    v.placeSlug
      ? db.voice.findMany({
          where: sameCityWhere,
          orderBy: { name: "asc" },
          take: RELATED_SHOWN,
          select: { slug: true, name: true, stance: true },
        })
      : Promise.resolve([]),
    v.placeSlug ? db.voice.count({ where: { placeSlug: v.placeSlug } }) : Promise.resolve(1),
    db.voice.findMany({
      where: sameStanceWhere,
      orderBy: { name: "asc" },
      take: RELATED_SHOWN,
      select: { slug: true, name: true, cityAsPrinted: true },
    }),
    db.voice.count({ where: { stance: v.stance } }),
  ]);

  return {
    ...toVoiceRef(v),
    isNamed: v.isNamed,
    ageAsOf: v.ageAsOf,
    place: v.place,
    heritage: v.heritage,
    stanceRationale: v.stanceRationale,
    evidence: v.evidence
      .map((e) => ({ attribute: e.attribute, text: e.text, document: e.documentId, start: e.start, end: e.end }))
      .sort((a, b) => EVIDENCE_ORDER.indexOf(a.attribute) - EVIDENCE_ORDER.indexOf(b.attribute)),
    source: toSourceRef(v.source),
    quotes: v.quotes.map(toQuoteRef),
    related: {
      sameCity: { total: sameCityAndSelf - 1, voices: sameCity },
      sameStance: { total: sameStanceAndSelf - 1, voices: sameStance.map((r) => ({ slug: r.slug, name: r.name, city: r.cityAsPrinted })) },
    },
  };
}
