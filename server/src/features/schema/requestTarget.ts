/** Which object structure a request addresses, and how (collection or resource). */
import type { RequestNode } from "../../language/maximo/api";
import type { DecodedTextNode } from "../../language/maximo/api";

export interface OsTarget {
  /** The segment after `os/` (absolute span). */
  segment: DecodedTextNode;
  /** Lower case. */
  name: string;
  /** No segment after the object structure: the collection URL (a POST there creates). */
  collection: boolean;
}

/** The `os/NAME` of the URL; none when the name is a `{{variable}}`. */
export function osTarget(request: RequestNode): OsTarget | undefined {
  const segments = request.url.segments;
  const index = segments.findIndex((s) => s.decoded.toLowerCase() === "os");
  const segment = index >= 0 ? segments[index + 1] : undefined;
  if (!segment || segment.decoded.length === 0 || segment.text.includes("{{")) return undefined;
  return { segment, name: segment.decoded.toLowerCase(), collection: index + 2 >= segments.length };
}

export function headerValue(request: RequestNode, name: string): string | undefined {
  return request.headers.find((h) => h.name.text.toLowerCase() === name)?.value.text;
}
