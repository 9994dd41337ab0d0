/**
 * The Filter Object Structures box: every word typed must appear, case-insensitively, in the
 * structure's name, description or application (`wo detail` finds MXAPIWODETAIL).
 */
import type { ApiMetaEntry } from "../../../server/src/schema/types";

export interface StructureFilter {
  /** As typed, trimmed; empty means no filter. */
  text: string;
  matches(entry: Pick<ApiMetaEntry, "name" | "description" | "appName">): boolean;
}

export function structureFilter(text: string): StructureFilter {
  const trimmed = text.trim();
  const words = trimmed.toLowerCase().split(/\s+/).filter((word) => word !== "");
  return {
    text: trimmed,
    matches: (entry) => {
      if (words.length === 0) return true;
      const haystack = `${entry.name}\n${entry.description ?? ""}\n${entry.appName ?? ""}`.toLowerCase();
      return words.every((word) => haystack.includes(word));
    },
  };
}
