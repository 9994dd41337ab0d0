/**
 * Characters that show as nothing, or as a plain space, but are not blanks to the request syntax
 * or to Maximo: pasted from web pages, chat and word processors, they make a name that looks
 * right not match. Messages name them, so `mxapi<U+200B>asset` is not answered with "did you mean
 * `mxapiasset`?" alone.
 */
const NAMES: ReadonlyMap<number, string> = new Map([
  [0x00a0, "no-break space"],
  [0x00ad, "soft hyphen"],
  [0x200b, "zero-width space"],
  [0x200c, "zero-width non-joiner"],
  [0x200d, "zero-width joiner"],
  [0x2060, "word joiner"],
  [0xfeff, "byte-order mark"],
]);

export interface InvisibleCharacter {
  /** Where it stands in the text. */
  index: number;
  /** `U+200B (zero-width space)`. */
  label: string;
}

/** The first invisible character of `text` between `from` and `to`, if any. */
export function invisibleCharacterIn(text: string, from = 0, to = text.length): InvisibleCharacter | undefined {
  for (let i = from; i < to; i++) {
    const name = NAMES.get(text.charCodeAt(i));
    if (name !== undefined) return { index: i, label: `U+${text.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0")} (${name})` };
  }
  return undefined;
}

/** Stray text as a message names it: an invisible character by its code and name, since quoted it shows as nothing. */
export function strayText(image: string): string {
  const invisible = invisibleCharacterIn(image);
  if (!invisible) return image;
  return image.length === 1 ? `An invisible ${invisible.label}` : `${image} (with an invisible ${invisible.label})`;
}
