/**
 * Whether to offer Maximo Workbench for `.http` / `.rest` files, and the `files.associations`
 * edit that makes it their editor in a workspace. Pure (no VS Code), so it is tested directly.
 */

/** The patterns REST Client and httpyac files use; both map to the `maximo` language. */
export const HTTP_FILE_PATTERNS = ["*.http", "*.rest"] as const;
export const MAXIMO_LANGUAGE = "maximo";

/** How much of a file is searched for Maximo URLs: enough for any request file, cheap for a huge one. */
const SEARCHED_CHARS = 256 * 1024;

export function isHttpFile(path: string): boolean {
  return /\.(http|rest)$/i.test(path);
}

/** Maximo REST URLs: `/maximo/oslc/`, `/maximo/api/`, or an object structure path `os/mxapi...`. */
export function mentionsMaximo(text: string): boolean {
  return /\/maximo\/(?:oslc|api)\/|(?:^|[\s/])os\/mxapi\w*/im.test(text.length > SEARCHED_CHARS ? text.slice(0, SEARCHED_CHARS) : text);
}

/** Whether both patterns already open with Maximo Workbench. */
export function associatedWithMaximo(associations: Readonly<Record<string, string>> | undefined): boolean {
  return HTTP_FILE_PATTERNS.every((pattern) => associations?.[pattern] === MAXIMO_LANGUAGE);
}

export interface OfferContext {
  /** The opened file's path. */
  path: string;
  text: string;
  /** File names in the same folder. */
  siblings: readonly string[];
  /** The offer was shown in this workspace before (it is shown once). */
  alreadyOffered: boolean;
  /** The effective `files.associations`. */
  associations?: Readonly<Record<string, string>>;
}

/** Offer once per workspace, for a `.http`/`.rest` file next to `.maximo` files or holding Maximo URLs. */
export function shouldOffer(context: OfferContext): boolean {
  if (context.alreadyOffered || !isHttpFile(context.path) || associatedWithMaximo(context.associations)) return false;
  return context.siblings.some((name) => name.toLowerCase().endsWith(".maximo")) || mentionsMaximo(context.text);
}

/** The workspace `files.associations` with `*.http` and `*.rest` mapped to `maximo`; other entries kept. */
export function withHttpAssociations(current: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const next: Record<string, string> = { ...(current ?? {}) };
  for (const pattern of HTTP_FILE_PATTERNS) next[pattern] = MAXIMO_LANGUAGE;
  return next;
}
