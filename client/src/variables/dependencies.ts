/**
 * Which named requests each request needs, read from the text before anything is sent:
 * chained references in the block, and those inside the file and environment variables it
 * uses. A cycle (`a` needs `b`, `b` needs `a`) is reported up front instead of waiting forever.
 * (`<@` body files are not read here; a cycle through one is not seen.)
 */
import type { ExpressionNode, MaximoDocument } from "../../../server/src/language/maximo/api";
import type { FileVariables } from "./fileVariables";
import { namedResponseRequest } from "./namedResponse";
import { expressionsIn } from "./template";

/** The text of an environment variable (chosen environment or `$shared`), if any. */
export type EnvTexts = (name: string) => string[];

export class RequestGraph {
  private readonly edges = new Map<number, number[]>();
  private readonly indexByName = new Map<string, number>();

  constructor(
    private readonly document: MaximoDocument,
    private readonly fileVariables: FileVariables,
    private readonly envTexts: EnvTexts,
  ) {
    document.requests.forEach((request, index) => {
      if (request.name !== undefined && !this.indexByName.has(request.name)) this.indexByName.set(request.name, index);
    });
  }

  indexOf(name: string): number | undefined {
    return this.indexByName.get(name);
  }

  /** Request names around a cycle reachable from request `from` (`a → b → a`), or undefined. */
  findCycle(from: number): string[] | undefined {
    const done = new Set<number>();
    const stack: number[] = [];
    const visit = (index: number): number[] | undefined => {
      const open = stack.indexOf(index);
      if (open >= 0) return [...stack.slice(open), index];
      if (done.has(index)) return undefined;
      stack.push(index);
      for (const next of this.needs(index)) {
        const cycle = visit(next);
        if (cycle) return cycle;
      }
      stack.pop();
      done.add(index);
      return undefined;
    };
    return visit(from)?.map((index) => this.document.requests[index]!.name ?? `request ${index + 1}`);
  }

  /** Indices of the named requests request `index` refers to, directly or through variables. */
  private needs(index: number): number[] {
    let list = this.edges.get(index);
    if (!list) {
      const names = new Set<string>();
      const seen = new Set<string>();
      const visit = (expressions: readonly ExpressionNode[], offset: number | undefined) => {
        for (const e of expressions) {
          if (e.kind === "chained") names.add(e.name);
          if (e.kind !== "variable") continue;
          const definition = offset === undefined ? undefined : this.fileVariables.pick(e.name, offset + e.start);
          if (definition) {
            if (seen.has(`file:${definition.offset}`)) continue;
            seen.add(`file:${definition.offset}`);
            visit(expressionsIn(definition.value), definition.offset);
          } else if (!seen.has(`env:${e.name}`)) {
            seen.add(`env:${e.name}`);
            const texts = this.envTexts(e.name);
            for (const text of texts) visit(expressionsIn(text), undefined);
            // httpyac's `{{login.accessToken}}`: the response of the request named `login`.
            const named = texts.length === 0 ? namedResponseRequest(e.name, (name) => this.indexByName.has(name)) : undefined;
            if (named !== undefined) names.add(named);
          }
        }
      };
      // The block's expressions carry absolute offsets, hence a base of 0.
      visit(this.document.requests[index]!.node.expressions, 0);
      list = [...names].map((name) => this.indexByName.get(name)).filter((i): i is number => i !== undefined);
      this.edges.set(index, list);
    }
    return list;
  }
}
