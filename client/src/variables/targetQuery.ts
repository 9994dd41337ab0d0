/**
 * A query that arrives inside a variable: `GET {{page1.response.body.responseInfo.nextPage.href}}`,
 * `GET {{g.response.body[0].collectionref}}&collectioncount=1`, or `@u = os/mxapiasset?lean=1`
 * then `GET {{u}}`. The file's own `?`/`&` parameters were parsed before any variable was filled
 * in, so a `?` in the filled-in path starts parameters of its own. They are sent, before the
 * written ones, as the URL reads: the guides' paging (reference §4.1, §8.3 `stableId`) and
 * group-by links (§17.1 `collectionref`) carry their filter there, and dropping it would fetch
 * another, unfiltered collection.
 */
import { isWrittenEncoded, percentDecode } from "../../../server/src/language/common";
import { queryParamEnd } from "../../../server/src/language/maximo/scanners";
import type { ResolvedRequest } from "../http/types";

type QueryParameter = ResolvedRequest["query"][number];

/** The filled-in path split at its first `?`, with the parameters after it (none without one). */
export function splitFilledTarget(target: string): { path: string; query: QueryParameter[] } {
  const question = target.indexOf("?");
  if (question < 0) return { path: target, query: [] };
  const text = target.slice(question + 1);
  // A fragment is never sent (a server's href carries none; a browser's may).
  const hash = text.indexOf("#");
  return { path: target.slice(0, question), query: parametersOf(hash < 0 ? text : text.slice(0, hash)) };
}

/**
 * `a=1&b="x&y"` as the request line's own query is read (the same scanner: quotes and `{{...}}`
 * keep an `&`). A value with `%XX` escapes is sent as written, as a written one is
 * (`QueryParamNode.encoded`): a server's href comes encoded.
 */
function parametersOf(text: string): QueryParameter[] {
  const query: QueryParameter[] = [];
  let at = 0;
  while (at < text.length) {
    while (text.charCodeAt(at) === 38 /* & */) at++;
    if (at >= text.length) break;
    const end = Math.max(queryParamEnd(text, at), at + 1);
    const parameter = text.slice(at, end);
    at = end;
    const equals = parameter.indexOf("=");
    if (equals < 0) {
      query.push({ key: percentDecode(parameter).text });
      continue;
    }
    const value = parameter.slice(equals + 1);
    const key = percentDecode(parameter.slice(0, equals)).text;
    query.push(isWrittenEncoded(value) ? { key, value, encoded: true } : { key, value });
  }
  return query;
}
