"use client";

import { useSyncExternalStore } from "react";
import { COMPARE_LIMITS } from "@/lib/vocabulary";

// The compare tray's contents, kept in localStorage so they follow the reader from page
// to page (and tab to tab). The compare page itself reads only its URL.

export type TrayVoice = { slug: string; name: string };

const KEY = "voices:compare";
const EVENT = "voices:compare-change";
const EMPTY: TrayVoice[] = [];
let cached: { raw: string | null; value: TrayVoice[] } = { raw: null, value: EMPTY };

function read(): TrayVoice[] {
  const raw = window.localStorage.getItem(KEY);
  if (raw !== cached.raw) {
    let value: TrayVoice[] = EMPTY;
    try {
      const parsed = JSON.parse(raw ?? "[]");
      if (Array.isArray(parsed))
        value = parsed.filter((v) => typeof v?.slug === "string" && typeof v?.name === "string").slice(0, COMPARE_LIMITS.max);
    } catch {
      value = EMPTY;
    }
    cached = { raw, value };
  }
  return cached.value;
}

function write(voices: TrayVoice[]) {
  window.localStorage.setItem(KEY, JSON.stringify(voices));
  window.dispatchEvent(new Event(EVENT));
}

function subscribe(onChange: () => void) {
  window.addEventListener(EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}

export function useCompareTray() {
  const voices = useSyncExternalStore(subscribe, read, () => EMPTY);
  return {
    voices,
    full: voices.length >= COMPARE_LIMITS.max,
    has: (slug: string) => voices.some((v) => v.slug === slug),
    add: (voice: TrayVoice) => {
      const current = read();
      if (!current.some((v) => v.slug === voice.slug) && current.length < COMPARE_LIMITS.max) write([...current, voice]);
    },
    remove: (slug: string) => write(read().filter((v) => v.slug !== slug)),
    clear: () => write([]),
  };
}
