/**
 * Reports every `or` in a clause (the server answers BMXAA8744E) with the rewrite that keeps
 * the meaning: an `in [...]` list when the or-ed terms all test one attribute with `=`,
 * `opmodeor=1` when every joiner is `or`, and separate requests otherwise.
 */
import type { DiagnosticSink } from "../common/querySupport";
import type { WhereJoiner, WhereTerm, WhereValue } from "./ast";
import { WhereCode } from "./diagnosticCodes";

/** Terms and joiners of one clause, in order (stray tokens left out). */
export type ClauseSequenceItem = { kind: "term"; term: WhereTerm } | { kind: "joiner"; joiner: WhereJoiner };

export interface OrContext {
  /** The parameter that turns every `and` into `or` here (`opmodeor`), if there is one. */
  opmodeOrParam?: string;
}

const REJECTED = 'oslc.where has no "or": the server rejects it (BMXAA8744E).';

export function reportOrJoiners(sequence: readonly ClauseSequenceItem[], sink: DiagnosticSink, context: OrContext): void {
  const joiners = sequence.filter((item): item is { kind: "joiner"; joiner: WhereJoiner } => item.kind === "joiner");
  if (!joiners.some((item) => item.joiner.keyword === "or")) return;
  const everyJoinerIsOr = joiners.every((item) => item.joiner.keyword === "or");

  for (const run of orRuns(sequence)) {
    const message = everyJoinerIsOr ? allOrMessage(run.terms, context) : mixedMessage(run.terms, context);
    for (const joiner of run.joiners) sink.error(WhereCode.orUnsupported, message, joiner.span);
  }
}

interface OrRun {
  terms: WhereTerm[];
  joiners: WhereJoiner[];
}

/** Maximal runs of terms joined by `or`; an `and` (or a missing joiner) ends a run. */
function orRuns(sequence: readonly ClauseSequenceItem[]): OrRun[] {
  const runs: OrRun[] = [];
  let current: OrRun = { terms: [], joiners: [] };
  let pendingOr: WhereJoiner | undefined;
  const close = () => {
    if (current.joiners.length > 0) runs.push(current);
    current = { terms: [], joiners: [] };
  };
  for (const item of sequence) {
    if (item.kind === "joiner") {
      if (item.joiner.keyword === "or") {
        pendingOr = item.joiner;
      } else {
        if (pendingOr) current.joiners.push(pendingOr);
        pendingOr = undefined;
        close();
      }
      continue;
    }
    // A term continues the run only after an `or` (a leading `or` is reported too).
    if (pendingOr) current.joiners.push(pendingOr);
    else close();
    pendingOr = undefined;
    current.terms.push(item.term);
  }
  if (pendingOr) current.joiners.push(pendingOr); // a trailing `or`
  close();
  return runs;
}

function allOrMessage(terms: WhereTerm[], context: OrContext): string {
  const inList = asInList(terms);
  if (inList) {
    const alternative = context.opmodeOrParam ? ` (or join the terms with "and" and add ${context.opmodeOrParam}=1)` : "";
    return `${REJECTED} These terms all compare ${inList.name} with "=": write ${inList.text}${alternative}.`;
  }
  if (context.opmodeOrParam) {
    return (
      `${REJECTED} To match any of these terms, join them with "and" and add the query parameter ` +
      `${context.opmodeOrParam}=1, which makes the server read every "and" as "or".`
    );
  }
  return `${REJECTED} Send one request per alternative and merge the results.`;
}

function mixedMessage(terms: WhereTerm[], context: OrContext): string {
  const inList = asInList(terms);
  if (inList) {
    return `${REJECTED} The terms around this "or" all compare ${inList.name} with "=": write ${inList.text} in their place.`;
  }
  const opmode = context.opmodeOrParam ? ` (${context.opmodeOrParam}=1 would turn every "and" into "or" as well)` : "";
  return `${REJECTED} "and" and "or" cannot be combined${opmode}: send one request per alternative and merge the results.`;
}

/** `status in ["A","B"]` when every term is `status="..."` with a plain value. */
function asInList(terms: WhereTerm[]): { name: string; text: string } | undefined {
  if (terms.length < 2) return undefined;
  let name: string | undefined;
  const values: string[] = [];
  for (const term of terms) {
    if (term.kind !== "comparison" || !term.name || term.name.incomplete) return undefined;
    if (term.operator.operator !== "=" || term.operator.text !== "=" || term.test.kind !== "compare") return undefined;
    const rendered = term.value && renderValue(term.value);
    if (rendered === undefined) return undefined;
    const termName = term.name.text;
    if (name !== undefined && termName.toLowerCase() !== name.toLowerCase()) return undefined;
    name ??= termName;
    values.push(rendered);
  }
  return name === undefined ? undefined : { name, text: `${name} in [${values.join(",")}]` };
}

function renderValue(value: WhereValue): string | undefined {
  switch (value.kind) {
    case "string":
      return value.terminated ? `"${value.value}"` : undefined;
    case "number":
    case "template":
      return value.raw;
    default:
      return undefined;
  }
}
