import type { Database } from "../db/create-prisma-client";
import type { Stance } from "../corpus/vocabulary";

export type VoiceSummary = {
  slug: string;
  name: string;
  age: number | null;
  city: string | null;
  occupation: string | null;
  stance: Stance;
  firstQuote: string | null;
};

export type SourceWithVoices = {
  slug: string;
  title: string;
  publisher: string;
  publishedAt: string | null;
  voices: VoiceSummary[];
};

/** Every source with its voices, in corpus order: the placeholder home page's list. */
export async function findVoicesBySource(db: Database): Promise<SourceWithVoices[]> {
  const sources = await db.source.findMany({
    orderBy: { position: "asc" },
    select: {
      id: true,
      title: true,
      publisher: true,
      publishedAt: true,
      voices: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          name: true,
          age: true,
          cityAsPrinted: true,
          occupation: true,
          stance: true,
          quotes: { orderBy: { position: "asc" }, take: 1, select: { text: true } },
        },
      },
    },
  });
  return sources.map((s) => ({
    slug: s.id,
    title: s.title,
    publisher: s.publisher,
    publishedAt: s.publishedAt,
    voices: s.voices.map((v) => ({
      slug: v.id,
      name: v.name,
      age: v.age,
      city: v.cityAsPrinted,
      occupation: v.occupation,
      stance: v.stance as Stance,
      firstQuote: v.quotes[0]?.text ?? null,
    })),
  }));
}
