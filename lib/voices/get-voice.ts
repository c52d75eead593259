import type { EvidencedAttribute, QuoteKind, Role, Stance } from "../corpus/vocabulary";
import type { Database } from "../db/create-prisma-client";
import { SOURCE_REF_SELECT, toSourceRef, type SourceRef } from "../sources/source-ref";

type EvidenceSpan = { attribute: EvidencedAttribute; text: string; document: string; start: number; end: number };

export type VoiceDetail = {
  slug: string;
  name: string;
  isNamed: boolean;
  age: number | null;
  ageAsOf: string | null;
  city: string | null;
  place: { slug: string; name: string; region: string; country: string; latitude: number; longitude: number } | null;
  occupation: string | null;
  heritage: string | null;
  role: Role;
  stance: Stance;
  stanceRationale: string;
  evidence: EvidenceSpan[];
  source: SourceRef;
  quotes: { id: string; kind: QuoteKind; text: string; context: string; document: string; start: number; end: number }[];
  /** Other voices from the same place and with the same stance: the first RELATED_SHOWN by name, and how many in all. */
  related: {
    sameCity: { total: number; voices: { slug: string; name: string; stance: Stance }[] };
    sameStance: { total: number; voices: { slug: string; name: string; city: string | null }[] };
  };
};

/** How many related voices a voice's page lists; the rest are a link to the explorer away. */
export const RELATED_SHOWN = 12;

/** One voice with everything its page and API entry show, or null for an unknown slug. */
export async function getVoice(db: Database, slug: string): Promise<VoiceDetail | null> {
  const v = await db.voice.findUnique({
    where: { id: slug },
    select: {
      id: true,
      name: true,
      isNamed: true,
      age: true,
      ageAsOf: true,
      cityAsPrinted: true,
      occupation: true,
      heritage: true,
      role: true,
      stance: true,
      stanceRationale: true,
      placeId: true,
      place: { select: { id: true, name: true, region: true, country: true, latitude: true, longitude: true } },
      source: { select: SOURCE_REF_SELECT },
      evidence: { select: { attribute: true, text: true, documentId: true, start: true, end: true } },
      quotes: {
        orderBy: { position: "asc" },
        select: { id: true, kind: true, text: true, context: true, documentId: true, start: true, end: true },
      },
    },
  });
  if (!v) return null;

  const sameCityWhere = { placeId: v.placeId, id: { not: v.id } };
  const sameStanceWhere = { stance: v.stance, id: { not: v.id } };
  const [sameCity, sameCityTotal, sameStance, sameStanceTotal] = await Promise.all([
    v.placeId
      ? db.voice.findMany({
          where: sameCityWhere,
          orderBy: { name: "asc" },
          take: RELATED_SHOWN,
          select: { id: true, name: true, stance: true },
        })
      : Promise.resolve([]),
    v.placeId ? db.voice.count({ where: sameCityWhere }) : Promise.resolve(0),
    db.voice.findMany({
      where: sameStanceWhere,
      orderBy: { name: "asc" },
      take: RELATED_SHOWN,
      select: { id: true, name: true, cityAsPrinted: true },
    }),
    db.voice.count({ where: sameStanceWhere }),
  ]);

  const order: EvidencedAttribute[] = ["age", "city", "occupation", "heritage"];
  return {
    slug: v.id,
    name: v.name,
    isNamed: v.isNamed,
    age: v.age,
    ageAsOf: v.ageAsOf,
    city: v.cityAsPrinted,
    place: v.place && {
      slug: v.place.id,
      name: v.place.name,
      region: v.place.region,
      country: v.place.country,
      latitude: v.place.latitude,
      longitude: v.place.longitude,
    },
    occupation: v.occupation,
    heritage: v.heritage,
    role: v.role as Role,
    stance: v.stance as Stance,
    stanceRationale: v.stanceRationale,
    evidence: v.evidence
      .map((e) => ({ attribute: e.attribute as EvidencedAttribute, text: e.text, document: e.documentId, start: e.start, end: e.end }))
      .sort((a, b) => order.indexOf(a.attribute) - order.indexOf(b.attribute)),
    source: toSourceRef(v.source),
    quotes: v.quotes.map((q) => ({
      id: q.id,
      kind: q.kind as QuoteKind,
      text: q.text,
      context: q.context,
      document: q.documentId,
      start: q.start,
      end: q.end,
    })),
    related: {
      sameCity: { total: sameCityTotal, voices: sameCity.map((r) => ({ slug: r.id, name: r.name, stance: r.stance as Stance })) },
      sameStance: { total: sameStanceTotal, voices: sameStance.map((r) => ({ slug: r.id, name: r.name, city: r.cityAsPrinted })) },
    },
  };
}
