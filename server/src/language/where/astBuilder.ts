/**
 * Builds the where AST from the CST and reports what a real server would reject or misread.
 * One method per grammar rule (a typed visitor); clause-level checks (joiners, `or`, stray
 * tokens) run once a clause's elements are known, in source order.
 */
import type { CstNode, IToken } from "chevrotain";
import type { NamePath } from "../common/queryAst";
import { coverSpans, cstContext, namePath, tokensInOrder, type NameRules } from "../common/queryCst";
import { tokenSpan } from "../common/queryTokens";
import type { DiagnosticSink } from "../common/querySupport";
import type { Span } from "../common/types";
import type {
  ComparisonOperator,
  WhereClause,
  WhereComparison,
  WhereInTerm,
  WhereJoiner,
  WhereOperator,
  WhereScopedTerm,
  WhereTerm,
  WhereValue,
} from "./ast";
import { checkJoiners, reportStrays, type ClauseCheckContext, type SequenceItem } from "./clauseChecks";
import { comparisonTest } from "./comparisonTest";
import { WhereCode } from "./diagnosticCodes";
import { readInList } from "./inListReader";
import { reportOrJoiners, type ClauseSequenceItem } from "./orSuggestion";
import * as T from "./tokens";
import { readValue, reportNull, type ValueContext, type WhereDialect } from "./valueReader";

export interface WhereBuildOptions {
  dialect: WhereDialect;
  /** `lean=1` is on the request: prefixed names are an error. */
  lean: boolean;
  /** The parameter that makes every `and` an `or` here, offered in the `or` message. */
  opmodeOrParam?: string;
}

// Typed CST contexts, one per rule (keys are rule and token names).
interface ElementCtx {
  term?: CstNode[];
  joiner?: CstNode[];
  Stray?: IToken[];
  RBrace?: IToken[];
}
interface TermCtx {
  subject?: CstNode[];
  predicate?: CstNode[];
}
interface PredicateCtx {
  comparison?: CstNode[];
  notTail?: CstNode[];
  inTail?: CstNode[];
  likeTail?: CstNode[];
  isTail?: CstNode[];
  scopeTail?: CstNode[];
}
interface ComparisonCtx {
  Comparator?: IToken[];
  value?: CstNode[];
}
interface NotTailCtx {
  Not?: IToken[];
  inTail?: CstNode[];
  likeTail?: CstNode[];
}
interface InTailCtx {
  In?: IToken[];
  inList?: CstNode[];
}
interface LikeTailCtx {
  Like?: IToken[];
  value?: CstNode[];
}
interface IsTailCtx {
  Is?: IToken[];
  Not?: IToken[];
  Null?: IToken[];
}
interface ScopeTailCtx {
  LBrace?: IToken[];
  scopedClause?: CstNode[];
  RBrace?: IToken[];
}

const PLAIN_OPERATORS: Partial<Record<string, ComparisonOperator>> = { "=": "=", "!=": "!=", "<": "<", "<=": "<=", ">": ">", ">=": ">=" };
/** What pasted or foreign operator spellings were meant to be. */
const MEANT_OPERATORS: Partial<Record<string, ComparisonOperator>> = {
  "⇐": "<=",
  "≤": "<=",
  "≥": ">=",
  "≠": "!=",
  "==": "=",
  "<>": "!=",
  "=<": "<=",
  "=>": ">=",
};

export class WhereAstBuilder {
  /** Text already covered by a diagnostic (an unquoted word), so its pieces are not reported again. */
  private readonly absorbed: Span[] = [];
  // Sets, not WeakSets: a builder lives for one parse, and a WeakSet costs more to make and to
  // collect (thousands of parses in a large file).
  /** Terms that are a name with no operator; reported with the token that follows them. */
  private readonly missingOperator = new Set<WhereTerm>();
  /** Terms whose own diagnostic says what is wrong (a lone `not`, `is` without null). */
  private readonly selfReported = new Set<WhereTerm>();
  private readonly names: NameRules;
  private readonly checks: ClauseCheckContext;

  constructor(
    private readonly text: string,
    private readonly sink: DiagnosticSink,
    private readonly options: WhereBuildOptions,
  ) {
    this.names = {
      text,
      sink,
      lean: options.lean,
      leanCode: WhereCode.prefixWithLean,
      strayCode: WhereCode.unexpectedCharacter,
      isTemplate: (token) => token.tokenType === T.TemplateVariable,
    };
    this.checks = {
      text,
      sink,
      missingOperator: this.missingOperator,
      isOpaque: (term) => term.kind === "template" || this.missingOperator.has(term) || this.selfReported.has(term),
      isAbsorbed: (span) => this.isAbsorbed(span),
    };
  }

  whereClause(node: CstNode): WhereClause {
    return this.clause(node, "element", { start: 0, end: this.text.length }, this.options.opmodeOrParam);
  }

  private clause(node: CstNode, elementRule: "element" | "scopedElement", span: Span, opmodeOrParam?: string): WhereClause {
    const sequence: SequenceItem[] = [];
    for (const element of (node.children[elementRule] ?? []) as CstNode[]) {
      const c = cstContext<ElementCtx>(element);
      if (c.term) {
        const term = this.term(c.term[0]);
        if (term) sequence.push({ kind: "term", term });
      } else if (c.joiner) {
        const joiner = this.joiner(c.joiner[0]);
        if (joiner) sequence.push({ kind: "joiner", joiner });
      } else {
        const token = c.Stray?.[0] ?? c.RBrace?.[0];
        const tokenRange = tokenSpan(token);
        if (token && tokenRange) sequence.push({ kind: "stray", token, span: tokenRange });
      }
    }
    reportStrays(sequence, this.checks);
    checkJoiners(sequence, this.checks);
    const ordered = sequence.filter((item): item is ClauseSequenceItem => item.kind !== "stray");
    reportOrJoiners(ordered, this.sink, opmodeOrParam ? { opmodeOrParam } : {});
    return {
      kind: "whereClause",
      span,
      terms: ordered.flatMap((item) => (item.kind === "term" ? [item.term] : [])),
      joiners: ordered.flatMap((item) => (item.kind === "joiner" ? [item.joiner] : [])),
    };
  }

  private joiner(node: CstNode): WhereJoiner | undefined {
    const token = (node.children.And ?? node.children.Or)?.[0] as IToken | undefined;
    const span = tokenSpan(token);
    if (!token || !span) return undefined;
    return { kind: "joiner", span, keyword: token.tokenType === T.Or ? "or" : "and" };
  }

  private term(node: CstNode): WhereTerm | undefined {
    const c = cstContext<TermCtx>(node);
    const name = c.subject ? this.subject(c.subject[0]) : undefined;
    const predicate = c.predicate?.[0];
    if (predicate) return this.predicate(predicate, name);
    if (!name) return undefined;
    if (name.segments.length === 1 && name.segments[0].template && !name.incomplete) {
      // `{{filter}}` may stand for a whole term: opaque, never checked.
      return { kind: "template", span: name.span, text: name.text };
    }
    const term: WhereTerm = { kind: "incomplete", span: name.span, name };
    if (!name.incomplete) this.missingOperator.add(term);
    return term;
  }

  private subject(node: CstNode): NamePath | undefined {
    const tokens = tokensInOrder(node.children.NameStart as IToken[] | undefined, node.children.Dot as IToken[] | undefined);
    const path = namePath(tokens, (t) => t.tokenType === T.Dot, this.names);
    if (!path) return undefined;
    if (/\s/.test(path.text)) {
      this.sink.error(
        WhereCode.spaceInPath,
        `${path.text} has a space inside a dot path: write names and dots without spaces (${path.text.replace(/\s+/g, "")}).`,
        path.span,
      );
    }
    if (path.incomplete) {
      this.sink.error(
        WhereCode.incompletePath,
        `${path.text} ends with a dot: name the attribute of the related object after it (${path.text}status).`,
        path.span,
      );
    }
    return path;
  }

  private predicate(node: CstNode, name: NamePath | undefined): WhereTerm | undefined {
    const c = cstContext<PredicateCtx>(node);
    if (c.comparison) return this.comparison(c.comparison[0], name);
    if (c.inTail) return this.inTail(c.inTail[0], name, undefined);
    if (c.likeTail) return this.likeTail(c.likeTail[0], name, undefined);
    if (c.notTail) return this.notTail(c.notTail[0], name);
    if (c.isTail) return this.isTail(c.isTail[0], name);
    if (c.scopeTail) return this.scopeTail(c.scopeTail[0], name);
    return undefined;
  }

  private comparison(node: CstNode, name: NamePath | undefined): WhereTerm | undefined {
    const c = cstContext<ComparisonCtx>(node);
    const operatorToken = c.Comparator?.[0];
    const operatorSpan = tokenSpan(operatorToken);
    if (!operatorToken || !operatorSpan) return undefined;
    const operator = this.operator(operatorToken, operatorSpan);
    const value = c.value ? this.value(c.value[0], operator.operator, name) : undefined;
    const span = coverSpans(name?.span, operatorSpan, value?.span) as Span;
    if (!name) this.reportMissingName(span, operator.text);
    if (!value) {
      this.sink.error(
        WhereCode.missingValue,
        `${this.text.slice(span.start, span.end)} has no value: add a quoted string ("APPR"), a number, true or false, or "*" to test for a value.`,
        span,
      );
    }
    return this.comparisonTerm(span, name, operator, value);
  }

  private comparisonTerm(span: Span, name: NamePath | undefined, operator: WhereOperator, value: WhereValue | undefined): WhereComparison {
    const term: WhereComparison = { kind: "comparison", span, operator, test: comparisonTest(operator.operator, value) };
    if (name) term.name = name;
    if (value) term.value = value;
    return term;
  }

  private operator(token: IToken, span: Span): WhereOperator {
    const text = token.image;
    const plain = PLAIN_OPERATORS[text];
    if (plain) return { span, text, operator: plain };
    const operator = MEANT_OPERATORS[text] ?? "=";
    if (token.tokenType === T.TypographicOperator) {
      this.sink.error(
        WhereCode.typographicOperator,
        `${text} is a typographic symbol (documents and the guides' typesetting produce it), not an operator the server reads: write ${operator}.`,
        span,
      );
    } else {
      this.sink.error(WhereCode.unknownOperator, `oslc.where has no ${text} operator: write ${operator}.`, span);
    }
    return { span, text, operator };
  }

  private value(node: CstNode, operator: ComparisonOperator, name: NamePath | undefined): WhereValue | undefined {
    const token = (node.children.ValueToken as IToken[] | undefined)?.[0];
    const span = tokenSpan(token);
    if (!token || !span) return undefined;
    return readValue(token, span, this.valueContext(operator, name));
  }

  private valueContext(operator: ComparisonOperator | undefined, name: NamePath | undefined): ValueContext {
    const context: ValueContext = {
      text: this.text,
      sink: this.sink,
      dialect: this.options.dialect,
      absorb: (span) => this.absorbed.push(span),
    };
    if (operator) context.operator = operator;
    if (name) context.nameText = name.text;
    return context;
  }

  private notTail(node: CstNode, name: NamePath | undefined): WhereTerm | undefined {
    const c = cstContext<NotTailCtx>(node);
    const notSpan = tokenSpan(c.Not?.[0]);
    if (c.inTail) return this.inTail(c.inTail[0], name, notSpan);
    if (c.likeTail) return this.likeTail(c.likeTail[0], name, notSpan);
    const span = coverSpans(name?.span, notSpan);
    if (!span) return undefined;
    this.sink.error(
      WhereCode.notUnsupported,
      `oslc.where has no "not": compare with != (status!="CLOSE"), or write attr!="*" to find empty values.`,
      notSpan ?? span,
    );
    return this.selfReportedTerm(name ? { kind: "incomplete", span, name } : { kind: "incomplete", span });
  }

  private inTail(node: CstNode, name: NamePath | undefined, notSpan: Span | undefined): WhereTerm | undefined {
    const c = cstContext<InTailCtx>(node);
    const inSpan = tokenSpan(c.In?.[0]);
    if (!inSpan) return undefined;
    const keywordSpan = coverSpans(notSpan, inSpan) as Span;
    const term: WhereInTerm = { kind: "in", span: coverSpans(name?.span, keywordSpan) as Span, keywordSpan, negated: !!notSpan, values: [] };
    if (name) term.name = name;
    const nameText = name?.text ?? "attr";
    if (c.inList) {
      readInList(c.inList[0], term, { text: this.text, sink: this.sink, values: this.valueContext("=", undefined), nameText });
    } else {
      this.sink.error(WhereCode.missingInList, `"in" needs a list in square brackets: ${nameText} in ["A","B"] (numbers: [1,2,3]).`, keywordSpan);
    }
    term.span = coverSpans(term.span, term.listSpan, term.template?.span) as Span;
    if (!name) this.reportMissingName(term.span, "in");
    if (notSpan) {
      const values = term.values.map((v) => (v.kind === "string" ? v.value : v.raw)).join(",");
      this.sink.error(
        WhereCode.notUnsupported,
        `oslc.where has no "not in": write ${nameText}!="[${values || "A,B"}]" (a not-in that works for text (ALN) attributes only).`,
        keywordSpan,
      );
    }
    return term;
  }

  private likeTail(node: CstNode, name: NamePath | undefined, notSpan: Span | undefined): WhereTerm | undefined {
    const c = cstContext<LikeTailCtx>(node);
    const likeSpan = tokenSpan(c.Like?.[0]);
    if (!likeSpan) return undefined;
    const keywordSpan = coverSpans(notSpan, likeSpan) as Span;
    const value = c.value ? this.value(c.value[0], "=", name) : undefined;
    const span = coverSpans(name?.span, keywordSpan, value?.span) as Span;
    const nameText = name?.text ?? "attr";
    if (notSpan) {
      this.sink.error(
        WhereCode.likeUnsupported,
        `oslc.where has no "not like" (BMXAA8744E), and a wildcard can only be matched with =: filter the other way round, or filter the results after they arrive.`,
        keywordSpan,
      );
    } else {
      const inner = value?.kind === "string" ? value.value : "text";
      const pattern = inner.includes("%") ? inner : `%${inner}%`;
      this.sink.error(
        WhereCode.likeUnsupported,
        `oslc.where has no "like" (BMXAA8744E); a quoted value with % is matched as LIKE: write ${nameText}="${pattern}".`,
        keywordSpan,
      );
    }
    if (!value) this.sink.error(WhereCode.missingValue, `"like" has no value after it: write ${nameText}="%text%".`, span);
    const operator: WhereOperator = { span: keywordSpan, text: this.text.slice(keywordSpan.start, keywordSpan.end), operator: notSpan ? "!=" : "=" };
    return this.comparisonTerm(span, name, operator, value);
  }

  private isTail(node: CstNode, name: NamePath | undefined): WhereTerm | undefined {
    const c = cstContext<IsTailCtx>(node);
    const isSpan = tokenSpan(c.Is?.[0]);
    if (!isSpan) return undefined;
    const notSpan = tokenSpan(c.Not?.[0]);
    const nullToken = c.Null?.[0];
    const nullSpan = tokenSpan(nullToken);
    const keywordSpan = coverSpans(isSpan, notSpan) as Span;
    const span = coverSpans(name?.span, keywordSpan, nullSpan) as Span;
    if (!nullToken || !nullSpan) {
      this.sink.error(WhereCode.unknownOperator, `oslc.where has no "is": compare with = (status="APPR").`, keywordSpan);
      return this.selfReportedTerm(name ? { kind: "incomplete", span, name } : { kind: "incomplete", span });
    }
    const operator: WhereOperator = { span: keywordSpan, text: this.text.slice(keywordSpan.start, keywordSpan.end), operator: notSpan ? "!=" : "=" };
    reportNull(coverSpans(keywordSpan, nullSpan) as Span, this.valueContext(operator.operator, name), !!notSpan);
    const value: WhereValue = { kind: "invalid", span: nullSpan, raw: nullToken.image, reason: "null" };
    const term = this.comparisonTerm(span, name, operator, value);
    term.test = { kind: "compare" };
    return term;
  }

  private scopeTail(node: CstNode, name: NamePath | undefined): WhereTerm | undefined {
    const c = cstContext<ScopeTailCtx>(node);
    const openSpan = tokenSpan(c.LBrace?.[0]);
    if (!openSpan) return undefined;
    const closeSpan = tokenSpan(c.RBrace?.[0]);
    const inside: Span = { start: openSpan.end, end: closeSpan?.start ?? this.text.length };
    const clauseNode = c.scopedClause?.[0];
    // The scope's own terms: no opmodeor there, so no opmodeor suggestion.
    const clause: WhereClause = clauseNode
      ? this.clause(clauseNode, "scopedElement", inside)
      : { kind: "whereClause", span: inside, terms: [], joiners: [] };
    const span = coverSpans(name?.span, openSpan, closeSpan, clause.terms.length > 0 ? clause.span : undefined) as Span;
    const nameText = name?.text ?? "rel";
    if (!closeSpan) {
      this.sink.error(WhereCode.unclosedBrace, `${nameText}{ has no closing }: add it after the last term inside.`, openSpan);
    }
    if (!name) this.reportMissingName(span, "{");
    if (clause.terms.length === 0 && closeSpan) {
      this.sink.error(
        WhereCode.emptyScope,
        `${nameText}{} tests nothing: put terms inside, ${nameText}{status="APPR"}.`,
        coverSpans(openSpan, closeSpan) as Span,
      );
    }
    const term: WhereScopedTerm = { kind: "scoped", span, clause, closed: !!closeSpan };
    if (name) term.name = name;
    return term;
  }

  /**
   * Whether an earlier diagnostic covers this span. Absorbed spans are recorded in source
   * order, so a binary search keeps long values linear.
   */
  private isAbsorbed(span: Span): boolean {
    let low = 0;
    let high = this.absorbed.length - 1;
    let candidate: Span | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.absorbed[middle].start <= span.start) {
        candidate = this.absorbed[middle];
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return candidate !== undefined && span.end <= candidate.end;
  }

  private selfReportedTerm(term: WhereTerm): WhereTerm {
    this.selfReported.add(term);
    return term;
  }

  private reportMissingName(span: Span, operatorText: string): void {
    this.sink.error(
      WhereCode.missingName,
      `${operatorText} has no attribute name before it: start the term with the name it tests (status="APPR").`,
      span,
    );
  }
}
