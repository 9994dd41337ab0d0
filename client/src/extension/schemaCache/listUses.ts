/**
 * The attributes whose values a `.maximo` text writes, per object structure: names compared in
 * `oslc.where` (`status="APPR"`, `worktype in ["EM","PM"]`) and the top-level keys of a JSON
 * body sent to the structure. Read with the shared request-file parser (the language server's),
 * so a name counts only where the server would read it as one. Names through a relationship
 * (`location.status`) and inside scoped terms belong to other objects and are left out.
 */
import { parseDocument } from "../../../../server/src/language/maximo/api";
import { embeddedQueries } from "../../../../server/src/language/maximo/embeddedQueries";
import type { WhereClause } from "../../../../server/src/language/where/ast";
import { osTarget } from "../../../../server/src/features/schema/requestTarget";
import { bodyTree } from "../../../../server/src/features/schema/jsonBodyTree";
import { isCacheableName } from "./cacheLayout";

export interface ListUse {
  /** Object structure, lower case. */
  os: string;
  /** Attribute, lower case. */
  attribute: string;
}

export function listUsesIn(text: string): ListUse[] {
  const found = new Map<string, ListUse>();
  const add = (os: string, raw: string) => {
    const attribute = raw.replace(/^spi:/i, "").toLowerCase();
    if (isCacheableName(attribute)) found.set(`${os}/${attribute}`, { os, attribute });
  };
  for (const block of parseDocument(text).blocks) {
    const tree = block.tree;
    const request = tree.request;
    const target = request ? osTarget(request) : undefined;
    if (!request || !target || !isCacheableName(target.name)) continue;
    for (const query of embeddedQueries(tree)) {
      if (query.param.key.decoded === "oslc.where" && query.parse.language === "where") whereNames(query.parse.ast, (name) => add(target.name, name));
    }
    if (request.body) {
      const body = bodyTree(tree.text, request);
      for (const property of body?.type === "object" ? body.children ?? [] : []) {
        const key = property.children?.[0];
        if (key?.type === "string" && typeof key.value === "string") add(target.name, key.value);
      }
    }
  }
  return [...found.values()];
}

function whereNames(clause: WhereClause, add: (name: string) => void): void {
  for (const term of clause.terms) {
    if (term.kind === "template" || term.kind === "scoped" || !term.name) continue;
    const segments = term.name.segments;
    if (segments.length === 1 && !segments[0]!.template && !term.name.incomplete) add(segments[0]!.name);
  }
}
