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
  /**
   * A path below the member (`.../{id}/getlist~status`, `.../{id}/synonymdomain`, reference §10):
   * its query and body address that list or child collection, not the structure's attributes.
   */
  belowMember: boolean;
}

/** The `os/NAME` of the URL; none when the name is a `{{variable}}`. */
export function osTarget(request: RequestNode): OsTarget | undefined {
  const segments = request.url.segments;
  const index = osSegmentIndex(request);
  const segment = index >= 0 ? segments[index + 1] : undefined;
  if (!segment || segment.decoded.length === 0 || segment.text.includes("{{")) return undefined;
  const belowMember = segments.slice(index + 3).some((s) => s.decoded.length > 0);
  return { segment, name: segment.decoded.toLowerCase(), collection: index + 2 >= segments.length, belowMember };
}

/**
 * Whether the request goes to Maximo's `os/` API: an `os` segment followed by one more (a
 * relative `os/mxapiasset` sent against a connection, `.../maximo/api/os/{{structure}}`). Rules
 * that only Maximo imposes ask this, so a `.http` file for another API gets none of them.
 */
export function targetsOsApi(request: RequestNode): boolean {
  const segments = request.url.segments;
  const index = osSegmentIndex(request);
  return index >= 0 && index + 1 < segments.length && segments[index + 1]!.text.length > 0;
}

/** The index of the URL's `os` segment, or -1. */
function osSegmentIndex(request: RequestNode): number {
  return request.url.segments.findIndex((s) => s.decoded.toLowerCase() === "os");
}

export function headerValue(request: RequestNode, name: string): string | undefined {
  return request.headers.find((h) => h.name.text.toLowerCase() === name)?.value.text;
}
