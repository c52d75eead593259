import type { Prisma } from "../db/generated/client";

/** A place from the gazetteer, under its current official name. */
export type PlaceRef = { slug: string; name: string; region: string; country: string; latitude: number; longitude: number };

/** The Prisma `select` that a PlaceRef is read from (the row is the PlaceRef). */
export const PLACE_REF_SELECT = {
  slug: true,
  name: true,
  region: true,
  country: true,
  latitude: true,
  longitude: true,
} as const satisfies Prisma.PlaceSelect;
