import type { Prisma } from "../db/generated/client";
import type { Role, Stance } from "../vocabulary";

/** A voice as every list shows it: who, from where, in what capacity, on which side. */
export type VoiceRef = {
  slug: string;
  name: string;
  age: number | null;
  /** The city as the source prints it. */
  city: string | null;
  occupation: string | null;
  role: Role;
  stance: Stance;
};

/** The Prisma `select` that a VoiceRef is read from. */
export const VOICE_REF_SELECT = {
  slug: true,
  name: true,
  age: true,
  cityAsPrinted: true,
  occupation: true,
  role: true,
  stance: true,
} as const satisfies Prisma.VoiceSelect;

export function toVoiceRef({ cityAsPrinted, ...row }: Prisma.VoiceGetPayload<{ select: typeof VOICE_REF_SELECT }>): VoiceRef {
  return {
    slug: row.slug,
    name: row.name,
    age: row.age,
    city: cityAsPrinted,
    occupation: row.occupation,
    role: row.role,
    stance: row.stance,
  };
}
