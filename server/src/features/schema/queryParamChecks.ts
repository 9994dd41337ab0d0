/**
 * Query parameter names Maximo would silently ignore (an `oslc.` name it does not know or with
 * its dot mistyped, one in the wrong case, `savedquery`), and `savedQuery` names apimeta does not list.
 */
import type { SyntaxDiagnostic } from "../../language/common";
import type { RequestNode } from "../../language/maximo/api";
import type { SchemaStore } from "../../schema";
import { looksSecret } from "../../../../client/src/environments/secretNames";
import { closest, didYouMean } from "./didYouMean";
import type { OsTarget } from "./requestTarget";
import { CONNECT_ADVICE, schemaDiagnostic } from "./schemaCodes";

/**
 * The `oslc.` parameters of the OSLC/JSON API, as the server spells them (it compares exactly).
 * `oslc.searchTerm` is how the JSON API reference writes it with a query template ("you can use
 * oslc.searchTerm and tlrange to filter the result set"): never called unknown.
 */
const OSLC_PARAMS = ["oslc.select", "oslc.where", "oslc.orderBy", "oslc.pageSize", "oslc.searchTerms", "oslc.searchTerm", "oslc.paging", "oslc.properties"];
/**
 * Other parameters whose case the guides say matters: reference §21.2 on `savedQuery`, "This
 * parameter is case-sensitive. If you apply SAVEDQUERY or savedquery, the parameter is ignored as
 * an invalid query parameter without any errors."
 */
const CASE_SENSITIVE = ["savedQuery"];
const BY_LOWER = new Map([...OSLC_PARAMS, ...CASE_SENSITIVE].map((name) => [name.toLowerCase(), name]));
/** `oslc,select`, `oslc_where`: the dot mistyped (the reference's own §13 has `oslc,select`). */
const MISTYPED_OSLC = /^oslc[,;:_-]/i;

export function checkQueryParams(request: RequestNode): SyntaxDiagnostic[] {
  const out: SyntaxDiagnostic[] = [];
  for (const param of request.url.query) {
    const key = param.key.decoded;
    if (key.includes("{{")) continue;
    if (MISTYPED_OSLC.test(key)) {
      const meant = BY_LOWER.get(`oslc.${key.slice(5)}`.toLowerCase());
      const hint = meant ? ` Did you mean \`${meant}\`?` : didYouMean(`oslc.${key.slice(5)}`, OSLC_PARAMS);
      out.push(schemaDiagnostic("maximo.unknown-query-param", param.key, `\`${key}\` is not a parameter Maximo knows; it is silently ignored.${hint}`));
      continue;
    }
    const lower = key.toLowerCase();
    if (!lower.startsWith("oslc.") && !CASE_SENSITIVE.some((name) => name.toLowerCase() === lower)) continue;
    const exact = BY_LOWER.get(lower);
    if (exact === key) continue;
    if (exact) {
      out.push(schemaDiagnostic("maximo.query-param-case", param.key, `Maximo reads \`${exact}\`, not \`${key}\`, and silently ignores this parameter. Did you mean \`${exact}\`?`));
    } else {
      out.push(
        schemaDiagnostic("maximo.unknown-query-param", param.key, `\`${key}\` is not a parameter Maximo knows; it is silently ignored.${didYouMean(key, OSLC_PARAMS)}`),
      );
    }
  }
  return out;
}

/** An error only when the user's server's apimeta lists the structure's saved queries; from the pack, a hint. */
export function checkSavedQuery(request: RequestNode, target: OsTarget, schemas: SchemaStore): SyntaxDiagnostic[] {
  // Most requests name no saved query: the store's list (a copy per call) is not needed then.
  // Only `savedQuery` as spelled: the server ignores `savedquery` (checkQueryParams says so).
  if (!request.url.query.some((param) => param.key.decoded === "savedQuery")) return [];
  const known = schemas.savedQueries(target.name);
  if (known.length === 0) return [];
  const origin = schemas.savedQueriesOrigin(target.name) ?? "pack";
  const out: SyntaxDiagnostic[] = [];
  for (const param of request.url.query) {
    if (param.key.decoded !== "savedQuery" || !param.value || param.value.decoded.includes("{{")) continue;
    const name = param.value.decoded;
    const names = known.map((q) => q.name);
    if (names.includes(name)) continue;
    const sameCase = names.find((n) => n.toLowerCase() === name.toLowerCase());
    const hint = sameCase ? ` Saved query names are case-sensitive: use \`${sameCase}\`.` : didYouMean(name, names);
    const suffix = sameCase || closest(name, names) ? "" : ` Known: ${names.slice(0, 8).join(", ")}${names.length > 8 ? ", ..." : ""}.`;
    const message =
      origin === "server"
        ? `\`${target.name}\` has no saved query \`${name}\`.${hint}${suffix}`
        : `The offline schemas list no saved query \`${name}\` for \`${target.name}\`; saved queries are made per server, so yours may have it.${hint}${suffix} ${CONNECT_ADVICE}`;
    out.push(schemaDiagnostic("schema.unknown-saved-query", param.value, message, origin));
  }
  return out;
}

/** Query parameters that carry a credential Maximo accepts there (the user name `_lid` is none); any other named like a secret too. */
const SECRET_PARAMS = new Set(["apikey", "_lpwd"]);

/**
 * `os/...?apikey=...`: the server answers with links built from the request URL (`href`,
 * `responseInfo.href`, `nextPage.href`: reference §4.1, §8), so the key is written into every
 * response saved, exported or kept in history. The connection sends it as a header instead.
 */
export function checkSecretParams(request: RequestNode): SyntaxDiagnostic[] {
  const out: SyntaxDiagnostic[] = [];
  for (const param of request.url.query) {
    const key = param.key.decoded.toLowerCase();
    if (!SECRET_PARAMS.has(key) && !looksSecret(key)) continue;
    const header = key === "apikey" ? "the `apikey` header" : "a login (`maxauth` header, or the connection's sign-in)";
    out.push(
      schemaDiagnostic(
        "maximo.secret-in-query",
        param.key,
        `The server writes the request URL back into the response's links (href, responseInfo, nextPage), so this \`${param.key.decoded}\` lands in every saved response and in history. Send it as ${header}, or leave it to the connection.`,
      ),
    );
  }
  return out;
}
