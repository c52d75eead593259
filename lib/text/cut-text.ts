/**
 * The first `max` UTF-16 code units of `text`, one fewer when the cut would split a
 * surrogate pair: half an emoji is a lone surrogate, which JSON cannot carry as text and
 * which the browser shows as a replacement character.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
