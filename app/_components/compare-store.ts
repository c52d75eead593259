"use client";

import { COMPARE_LIMITS } from "@/lib/vocabulary";
import { storedList } from "./stored-list";

// The compare tray's contents, kept in localStorage so they follow the reader from page
// to page (and tab to tab). The compare page itself reads only its URL.

export type TrayVoice = { slug: string; name: string };

const useTray = storedList<TrayVoice>({
  key: "voices:compare",
  isItem: (v): v is TrayVoice => typeof (v as TrayVoice)?.slug === "string" && typeof (v as TrayVoice)?.name === "string",
  max: COMPARE_LIMITS.max,
});

export function useCompareTray() {
  const { items: voices, setItems, full } = useTray();
  return {
    voices,
    full,
    has: (slug: string) => voices.some((v) => v.slug === slug),
    add: (voice: TrayVoice) =>
      setItems((current) =>
        current.some((v) => v.slug === voice.slug) || current.length >= COMPARE_LIMITS.max ? current : [...current, voice],
      ),
    remove: (slug: string) => setItems((current) => current.filter((v) => v.slug !== slug)),
    clear: () => setItems([]),
  };
}
