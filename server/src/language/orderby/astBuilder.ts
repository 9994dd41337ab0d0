/**
 * Builds the orderBy AST from the CST and reports what a real server rejects: every attribute
 * needs a sign, only attributes of the main object sort, and items are comma-separated.
 */
import type { CstNode, IToken } from "chevrotain";
import { strayText } from "../common/invisibleCharacters";
import type { NamePath } from "../common/queryAst";
import { coverSpans, cstContext, namePath, tokensInOrder, type NameRules, strayRun } from "../common/queryCst";
import { tokenSpan } from "../common/queryTokens";
import type { DiagnosticSink } from "../common/querySupport";
import type { Span } from "../common/types";
import type { OrderByClause, SortTerm } from "./ast";
import { OrderByCode } from "./diagnosticCodes";
import * as T from "./tokens";

export type OrderByMode = "orderBy" | "gbsortby";

export interface OrderByBuildOptions {
  mode: OrderByMode;
  lean: boolean;
}

interface ElementCtx {
  sortTerm?: CstNode[];
  Comma?: IToken[];
  Stray?: IToken[];
}
interface SortTermCtx {
  Sign?: IToken[];
  path?: CstNode[];
}
interface PathCtx {
  NameStart?: IToken[];
  Dot?: IToken[];
}

type Element = { kind: "term"; term: SortTerm; signs: IToken[] } | { kind: "comma"; span: Span } | { kind: "stray"; token: IToken; span: Span };

/** gbsortby may sort on aggregations (`max.budgetcost`): not related attributes. */
const GROUP_FUNCTIONS = new Set(["count", "max", "min", "avg", "sum"]);

export class OrderByAstBuilder {
  private readonly names: NameRules;

  constructor(
    private readonly text: string,
    private readonly sink: DiagnosticSink,
    private readonly options: OrderByBuildOptions,
  ) {
    this.names = { text, sink, lean: options.lean, leanCode: OrderByCode.prefixWithLean, strayCode: OrderByCode.unexpectedCharacter, isTemplate: (t) => t.tokenType === T.TemplateVariable };
  }

  orderByClause(node: CstNode): OrderByClause {
    const elements: Element[] = [];
    for (const element of (node.children.element ?? []) as CstNode[]) {
      const c = cstContext<ElementCtx>(element);
      if (c.sortTerm) {
        const built = this.sortTerm(c.sortTerm[0]);
        if (built) elements.push({ kind: "term", ...built });
        continue;
      }
      const token = c.Comma?.[0] ?? c.Stray?.[0];
      const span = tokenSpan(token);
      if (!token || !span) continue;
      elements.push(token.tokenType === T.Comma ? { kind: "comma", span } : { kind: "stray", token, span });
    }
    this.checkElements(elements);
    return {
      kind: "orderByClause",
      span: { start: 0, end: this.text.length },
      terms: elements.flatMap((e) => (e.kind === "term" ? [e.term] : [])),
    };
  }

  private sortTerm(node: CstNode): { term: SortTerm; signs: IToken[] } | undefined {
    const c = cstContext<SortTermCtx>(node);
    const signs = (c.Sign ?? []).filter((t) => tokenSpan(t));
    const path = c.path ? this.path(c.path[0]) : undefined;
    const span = coverSpans(...signs.map((s) => tokenSpan(s)), path?.span);
    if (!span) return undefined;
    const term: SortTerm = { kind: "sortTerm", span };
    const first = signs[0];
    if (first) {
      term.sign = first.image;
      term.signSpan = tokenSpan(first) as Span;
      term.direction = first.tokenType === T.Plus ? "ascending" : "descending";
    }
    if (path) term.path = path;
    return { term, signs };
  }

  private path(node: CstNode): NamePath | undefined {
    const c = cstContext<PathCtx>(node);
    return namePath(tokensInOrder(c.NameStart, c.Dot), (t) => t.tokenType === T.Dot, this.names);
  }

  private checkElements(elements: Element[]): void {
    let expectItem = true;
    let lastComma: Span | undefined;
    let previousTerm: Element | undefined;
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i];
      if (element.kind === "comma") {
        if (expectItem) {
          const leading = !lastComma && !previousTerm;
          this.sink.error(
            OrderByCode.emptyItem,
            leading ? `The list starts with a comma: remove it.` : `Two commas with no attribute between them: remove one.`,
            element.span,
          );
        }
        expectItem = true;
        lastComma = element.span;
        previousTerm = undefined;
        continue;
      }
      if (element.kind === "stray") {
        i = this.reportStray(elements, i);
        expectItem = false;
        previousTerm = undefined;
        continue;
      }
      const next = elements[i + 1];
      if (next?.kind === "term" && this.isSqlDirection(next)) {
        this.reportSqlDirection(element, next);
        i++;
      } else if (previousTerm?.kind === "term") {
        // Terms in a row without commas: one mistake (pasted prose is several).
        let last = element.term;
        while (elements[i + 1]?.kind === "term") {
          i++;
          last = (elements[i] as { term: SortTerm }).term;
        }
        this.reportMissingComma(previousTerm.term, element.term, last);
      } else {
        this.checkTerm(element);
      }
      expectItem = false;
      previousTerm = elements[i];
    }
    if (expectItem && lastComma) {
      this.sink.error(OrderByCode.emptyItem, `The list ends with a comma: remove it, or add the attribute that should follow.`, lastComma);
    }
  }

  /** `desc` / `asc` written SQL-style after an attribute. */
  private isSqlDirection(element: Element): boolean {
    if (element.kind !== "term" || element.signs.length > 0) return false;
    const path = element.term.path;
    return !!path && path.segments.length === 1 && /^(asc|desc)$/i.test(path.text);
  }

  private reportSqlDirection(element: Element, direction: Element): void {
    if (element.kind !== "term" || direction.kind !== "term") return;
    const name = element.term.path?.text ?? "attr";
    const sign = /^desc$/i.test(direction.term.path?.text ?? "") ? "-" : "+";
    this.sink.error(
      OrderByCode.sqlDirection,
      `oslc.orderBy has no asc/desc: the sign in front of the attribute gives the order. Write ${sign}${name}.`,
      coverSpans(element.term.span, direction.term.span) as Span,
    );
  }

  private reportMissingComma(previous: SortTerm, term: SortTerm, last: SortTerm): void {
    const before = this.text.slice(previous.span.start, previous.span.end);
    const after = this.text.slice(term.span.start, term.span.end);
    const message =
      last === term
        ? `${before} and ${after} have no comma between them: separate sort attributes with commas (${before},${after}).`
        : `"${this.text.slice(term.span.start, last.span.end)}" is not a list of sort attributes: separate them with commas (+wopriority,-reportdate); if this text came along with a pasted example, remove it.`;
    this.sink.error(OrderByCode.missingComma, message, { start: term.span.start, end: last.span.end });
  }

  private checkTerm(element: Element): void {
    if (element.kind !== "term") return;
    const { term, signs } = element;
    const path = term.path;
    for (const sign of signs) {
      if (sign.tokenType !== T.TypographicMinus) continue;
      this.sink.error(
        OrderByCode.typographicSign,
        `${sign.image} is a typographic dash (documents turn - into it), not a sort sign: write -${path?.text ?? "attr"}.`,
        tokenSpan(sign) as Span,
      );
    }
    if (signs.length > 1) {
      this.sink.error(
        OrderByCode.extraSign,
        `One sign per attribute: + for ascending or - for descending (${signs[0].image === "+" ? "+" : "-"}${path?.text ?? "attr"}).`,
        coverSpans(...signs.map((s) => tokenSpan(s))) as Span,
      );
    }
    if (!path) {
      this.sink.error(OrderByCode.missingName, `${signs[0]?.image ?? "+"} needs the attribute to sort by after it (-reportdate).`, term.span);
      return;
    }
    if (signs.length === 0 && !this.isTemplateOnly(path)) this.reportMissingSign(path);
    if (/\s/.test(path.text)) {
      this.sink.error(OrderByCode.spaceInPath, `${path.text} has a space inside a dot path: names and dots are written without spaces.`, path.span);
    }
    if (path.incomplete) {
      this.sink.error(OrderByCode.incompletePath, `${path.text} ends with a dot: remove it and sort by an attribute of the main object.`, path.span);
    } else if (path.segments.length > 1 && !this.isGroupAggregate(path)) {
      // The guide says so; recent servers sort by related attributes all the same (requests
      // recorded against them do), so a warning that the guide calls it unsupported, not an error.
      this.sink.warning(
        OrderByCode.relatedAttribute,
        `${path.text} is a related attribute, which the JSON API reference calls unsupported (§7 Sorting: only attributes of the main object); recent servers sort by it all the same, older ones may reject or ignore it. To be safe, sort by an attribute of the main object, or sort the results after they arrive.`,
        path.span,
      );
    }
  }

  private reportMissingSign(path: NamePath): void {
    // A `+` typed into a URL arrives as a space: a space before the name is the usual trace.
    const before = this.text[path.span.start - 1];
    const lostPlus =
      before !== undefined && /\s/.test(before)
        ? ` If a + was there, it was decoded as a space: in a URL write %2B (in this file, + is encoded for you).`
        : "";
    if (this.options.mode === "gbsortby") {
      // The reference writes gbsortby signed ("for ascending order, the item should be
      // gbsortby=+siteid") but, unlike oslc.orderBy, says nothing of an unsigned one.
      this.sink.warning(
        OrderByCode.missingSign,
        `${path.text} has no sort sign; the JSON API reference writes gbsortby signed (gbsortby=-siteid, +siteid for ascending): write +${path.text} or -${path.text}.${lostPlus}`,
        path.span,
      );
      return;
    }
    this.sink.error(
      OrderByCode.missingSign,
      `${path.text} has no sort sign; the server requires one on every attribute (BMXAA8744E): write +${path.text} (ascending) or -${path.text} (descending).${lostPlus}`,
      path.span,
    );
  }

  private isTemplateOnly(path: NamePath): boolean {
    // `{{sort}}` may carry its own sign.
    return path.segments.length === 1 && path.segments[0].template;
  }

  private isGroupAggregate(path: NamePath): boolean {
    return this.options.mode === "gbsortby" && path.segments.length === 2 && GROUP_FUNCTIONS.has(path.segments[0].name.toLowerCase());
  }

  /** Reports one stray (a run, for unknown characters); returns the index of its last token. */
  private reportStray(elements: Element[], index: number): number {
    const { element, span, last } = strayRun(elements, index, T.Unknown);
    const type = element.token.tokenType;
    const image = this.text.slice(span.start, span.end);
    if (type === T.LBrace || type === T.RBrace) {
      this.sink.error(
        OrderByCode.scopedUnsupported,
        `The server sorts only by attributes of the main object, so rel{...} sort terms are not supported: to sort a child collection use <object>.<relationship>.orderBy=-attr.`,
        span,
      );
    } else if (type === T.Dot) {
      this.sink.error(OrderByCode.unexpectedToken, `This dot belongs to no name: remove it.`, span);
    } else {
      this.sink.error(
        OrderByCode.unexpectedCharacter,
        `${strayText(image)} has no meaning in a sort list: write signed attributes separated by commas (+wopriority,-reportdate).`,
        span,
      );
    }
    return last;
  }
}
