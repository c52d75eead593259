import type { Database } from "../db/create-prisma-client";
import type { QuoteKind, Role, Stance } from "../vocabulary";
import { loadSearchIndex } from "./search-index";

/** What filtering, faceting and sorting need to know about one voice. */
export type VoiceFacts = {
  slug: string;
  name: string;
  age: number | null;
  placeSlug: string | null;
  placeName: string | null;
  region: string | null;
  country: string | null;
  role: Role;
  stance: Stance;
  sourceSlug: string;
  sourceLabel: string;
  sourceDate: string | null;
  kinds: QuoteKind[];
  /** Corpus order (source position, then position in its file): the voice's index in the loaded facts. */
  order: number;
};

/** The facts of every voice, in corpus order, loaded once per connection (see search-index). */
export async function loadVoiceFacts(db: Database): Promise<VoiceFacts[]> {
  return (await loadSearchIndex(db)).facts;
}
