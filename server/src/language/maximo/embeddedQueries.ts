/**
 * The embedded query languages of a request (`oslc.where`, `oslc.select`, `oslc.orderBy`, ...):
 * each such parameter's decoded value goes to its own parser, with a map back to the source.
 * Spans in the results are block-relative, like the tree's.
 *
 * Parsed on first use and kept for the most recently used block trees only: an open
 * 100,000-line file would otherwise hold every query's tree (half of its parsed form) while
 * the features need those of a block or two at a time. Parsing again is cheap: the values
 * themselves are cached (`localParses` in ../common/querySupport.ts), only their copy is made anew.
 */
import { percentDecode, type EmbeddedSource } from "../common";
import { parseQueryParam, type EmbeddedParse } from "../embedded";
import type { BlockTree, QueryParamNode } from "./ast";

export interface EmbeddedQuery {
  param: QueryParamNode;
  /** Spans (AST and diagnostics) are relative to the block start. */
  parse: EmbeddedParse;
}

/** Block trees whose embedded parses are kept, most recently used last. */
const RECENT_TREES = 64;
const recent = new Map<BlockTree, readonly EmbeddedQuery[]>();

export function embeddedQueries(tree: BlockTree): readonly EmbeddedQuery[] {
  let result = recent.get(tree);
  if (result) {
    recent.delete(tree);
  } else {
    result = parseEmbedded(tree);
    if (recent.size >= RECENT_TREES) recent.delete(recent.keys().next().value!);
  }
  recent.set(tree, result);
  return result;
}

/**
 * Drops what is kept of `tree`'s parses, for a caller done with the tree (`maximo check`
 * analyses each block once). Kept for the next 64 blocks, they would outlive a young-generation
 * collection or two and be promoted to the old one, which only a full collection empties: on a
 * 100,000-line file that grew the heap by 60 MB of garbage.
 */
export function forgetEmbeddedQueries(tree: BlockTree): void {
  recent.delete(tree);
}

/**
 * The decoded value of a parameter, with a map from its offsets to block-relative ones. A value
 * written percent-encoded (as browsers and curl write it: `status%3D%22APPR%22+and+...`) is sent
 * as written, and the server's servlet container reads its `+` as a space (PRODUCT.md), so the
 * query languages read it so too; in a value written plainly, `+` stays a plus (the runner
 * encodes it).
 */
export function embeddedSource(param: QueryParamNode): EmbeddedSource | undefined {
  if (!param.value) return undefined;
  // The parser marks a value written percent-encoded (`QueryParamNode.encoded`, `isWrittenEncoded`).
  return percentDecode(param.value.text, param.value.start, param.encoded === true);
}

/** `lean=1` on the request: the server wants bare lower-case names. */
export function isLean(query: readonly QueryParamNode[]): boolean {
  return query.some((p) => p.key.decoded === "lean" && /^(1|true)$/i.test(p.value?.decoded ?? ""));
}

function parseEmbedded(tree: BlockTree): EmbeddedQuery[] {
  const query = tree.request?.url.query;
  if (!query || query.length === 0) return [];
  const lean = isLean(query);
  const result: EmbeddedQuery[] = [];
  for (const param of query) {
    const source = embeddedSource(param);
    if (!source) continue;
    let parse: EmbeddedParse | undefined;
    try {
      parse = parseQueryParam(param.key.decoded, source, { lean });
    } catch {
      // The query-language parsers promise not to throw; one that does must not cost the request its tree.
      parse = undefined;
    }
    if (parse) result.push({ param, parse });
  }
  return result;
}
