/**
 * How the check cache writes what it keeps: arrays, not objects, and every code and message once
 * in a file's string table, to keep files small and quick to parse. Whatever is read back is
 * checked for its shape first: a corrupt or foreign file is no answer, never a crash.
 */
import type { SyntaxDiagnostic } from "../../../../server/src/language/common";
import type { DocumentDiagnostic } from "../../../../server/src/language/maximo/document";
import type { BlockAnalysis, NameDirective } from "../../../../server/src/features/fileDiagnostics/blockAnalyses";

export type StoredDiagnostic = [code: number, severity: number, message: number, start: number, end: number];
/** A diagnostic placed in its file: block-relative spans made absolute, with its range. */
export type StoredPlaced = [...StoredDiagnostic, line: number, character: number, endLine: number, endCharacter: number];
type StoredName = [name: string, argsStart: number, argsEnd: number, start: number];
type StoredUse = [kind: 0 | 1 | 2, name: string, innerStart: number, innerEnd: number];
export type StoredAnalysis = [syntax: StoredDiagnostic[], schema: StoredDiagnostic[], names: StoredName[], stopsCheck: 0 | 1, variables: string[], requests: string[], uses: StoredUse[]];

const SEVERITIES: readonly SyntaxDiagnostic["severity"][] = ["error", "warning", "information", "hint"];
const USE_KINDS = ["variable", "chained", "run"] as const;

/** Collects the strings of a file being written, each once. */
export class StringTable {
  readonly strings: string[] = [];
  private readonly indexOf = new Map<string, number>();

  intern(text: string): number {
    let index = this.indexOf.get(text);
    if (index === undefined) {
      index = this.strings.push(text) - 1;
      this.indexOf.set(text, index);
    }
    return index;
  }

  diagnostic(d: SyntaxDiagnostic): StoredDiagnostic {
    return [this.intern(d.code), SEVERITIES.indexOf(d.severity), this.intern(d.message), d.span.start, d.span.end];
  }

  placed(d: DocumentDiagnostic): StoredPlaced {
    const { start, end } = d.range;
    return [...this.diagnostic(d), start.line, start.character, end.line, end.character];
  }

  analysis(analysis: BlockAnalysis): StoredAnalysis {
    const facts = analysis.variables;
    return [
      analysis.syntax.map((d) => this.diagnostic(d)),
      analysis.schema.map((d) => this.diagnostic(d)),
      analysis.names.map((n) => [n.name, n.args.start, n.args.end, n.start]),
      facts.stopsCheck ? 1 : 0,
      [...facts.variables],
      [...facts.requests],
      facts.uses.map((u) => [USE_KINDS.indexOf(u.kind) as 0 | 1 | 2, u.name, u.inner.start, u.inner.end]),
    ];
  }
}

/** Reads stored forms against a file's string table. */
export class StoredReader {
  constructor(private readonly strings: readonly string[]) {}

  /** The analysis an entry holds, or undefined when it is not of the stored shape. */
  analysis(stored: unknown): BlockAnalysis | undefined {
    if (!Array.isArray(stored) || stored.length !== 7) return undefined;
    const [syntax, schema, names, stopsCheck, variables, requests, uses] = stored as unknown[];
    const isDiagnostic = (value: unknown) => this.isDiagnostic(value, 5);
    if (!isArrayOf(syntax, isDiagnostic) || !isArrayOf(schema, isDiagnostic) || !isArrayOf(names, isName)) return undefined;
    if ((stopsCheck !== 0 && stopsCheck !== 1) || !isArrayOf(variables, isString) || !isArrayOf(requests, isString) || !isArrayOf(uses, isUse)) return undefined;
    // Most blocks have no diagnostic, name or use: one shared empty list each (the result lives to the end of the run).
    return {
      syntax: mapOrEmpty(syntax as StoredDiagnostic[], (d) => this.diagnostic(d)),
      schema: mapOrEmpty(schema as StoredDiagnostic[], (d) => this.diagnostic(d)),
      names: mapOrEmpty(names as StoredName[], ([name, argsStart, argsEnd, start]): NameDirective => ({ name, args: { start: argsStart, end: argsEnd }, start })),
      variables: {
        stopsCheck: stopsCheck === 1,
        variables: variables as string[],
        requests: requests as string[],
        uses: mapOrEmpty(uses as StoredUse[], ([kind, name, start, end]) => ({ kind: USE_KINDS[kind], name, inner: { start, end } })),
      },
    };
  }

  /** Placed diagnostics, or undefined when any is not of the stored shape. */
  placed(stored: unknown): DocumentDiagnostic[] | undefined {
    if (!isArrayOf(stored, (value) => this.isDiagnostic(value, 9) && (value as number[]).slice(5).every(isOffset))) return undefined;
    return (stored as StoredPlaced[]).map((d) => ({
      ...this.diagnostic(d),
      range: { start: { line: d[5], character: d[6] }, end: { line: d[7], character: d[8] } },
    }));
  }

  private diagnostic([code, severity, message, start, end]: StoredDiagnostic | StoredPlaced): SyntaxDiagnostic {
    return { code: this.strings[code]!, severity: SEVERITIES[severity]!, message: this.strings[message]!, span: { start, end } };
  }

  private isDiagnostic(value: unknown, length: number): boolean {
    if (!Array.isArray(value) || value.length !== length) return false;
    return isIndexOf(value[0], this.strings) && isIndexOf(value[1], SEVERITIES) && isIndexOf(value[2], this.strings) && isOffset(value[3]) && isOffset(value[4]);
  }
}

const EMPTY: readonly never[] = Object.freeze([]);

function mapOrEmpty<T, U>(items: readonly T[], map: (item: T) => U): readonly U[] {
  return items.length === 0 ? EMPTY : items.map(map);
}

export const isString = (value: unknown): value is string => typeof value === "string";
const isOffset = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isIndexOf = (value: unknown, array: readonly unknown[]): boolean => Number.isInteger(value) && (value as number) >= 0 && (value as number) < array.length;

export function isArrayOf(value: unknown, is: (item: unknown) => boolean): value is unknown[] {
  return Array.isArray(value) && value.every(is);
}

function isName(value: unknown): boolean {
  return Array.isArray(value) && value.length === 4 && isString(value[0]) && isOffset(value[1]) && isOffset(value[2]) && isOffset(value[3]);
}

function isUse(value: unknown): boolean {
  return Array.isArray(value) && value.length === 4 && (value[0] === 0 || value[0] === 1 || value[0] === 2) && isString(value[1]) && isOffset(value[2]) && isOffset(value[3]);
}
