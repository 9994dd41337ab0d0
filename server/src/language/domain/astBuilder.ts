/**
 * Builds the domaininternalwhere AST from the CST and checks the shape the reference gives:
 * `<attr>[=|!=]internal_val1,internal_val2,...`, one or more values, none of them null.
 */
import type { CstNode, IToken } from "chevrotain";
import { strayText } from "../common/invisibleCharacters";
import type { NamePath } from "../common/queryAst";
import { coverSpans, cstContext, namePath, tokensInOrder, type NameRules } from "../common/queryCst";
import { tokenSpan } from "../common/queryTokens";
import type { DiagnosticSink } from "../common/querySupport";
import type { Span } from "../common/types";
import type { DomainFilter, DomainFilterOperator, DomainValue } from "./ast";
import { DomainCode } from "./diagnosticCodes";
import * as T from "./tokens";

interface ElementCtx {
  attribute?: CstNode[];
  DomainOperator?: IToken[];
  valueList?: CstNode[];
  Dot?: IToken[];
  Stray?: IToken[];
}

const QUOTES = /^["'“”„″‘’]|["'“”„″‘’]$/;

export class DomainAstBuilder {
  private readonly names: NameRules;

  constructor(
    private readonly text: string,
    private readonly sink: DiagnosticSink,
    lean: boolean,
  ) {
    this.names = { text, sink, lean, leanCode: DomainCode.prefixWithLean, strayCode: DomainCode.unexpectedCharacter, isTemplate: (t) => t.tokenType === T.TemplateVariable };
  }

  domainFilter(node: CstNode): DomainFilter {
    const names: NamePath[] = [];
    const strays: { token: IToken; span: Span }[] = [];
    let operatorToken: IToken | undefined;
    const valueTokens: IToken[] = [];
    for (const element of (node.children.element ?? []) as CstNode[]) {
      const c = cstContext<ElementCtx>(element);
      if (c.attribute) {
        const name = this.attribute(c.attribute[0]);
        if (name) names.push(name);
      } else if (c.DomainOperator) {
        operatorToken ??= c.DomainOperator[0];
      } else if (c.valueList) {
        const list = c.valueList[0].children;
        valueTokens.push(...((list.ValueText ?? []) as IToken[]), ...((list.ValueComma ?? []) as IToken[]));
      } else {
        const token = c.Dot?.[0] ?? c.Stray?.[0];
        const span = tokenSpan(token);
        if (token && span) strays.push({ token, span });
      }
    }
    const filter: DomainFilter = { kind: "domainFilter", span: { start: 0, end: this.text.length }, values: [] };
    const operatorSpan = tokenSpan(operatorToken);
    if (!operatorToken || !operatorSpan) {
      this.reportNoOperator(names, strays);
      if (names[0]) filter.attribute = names[0];
      return filter;
    }
    const operator: DomainFilterOperator = { span: operatorSpan, text: operatorToken.image, negated: operatorToken.tokenType === T.NotEquals };
    filter.operator = operator;
    this.checkBeforeOperator(names, strays, operator);
    if (names[0]) filter.attribute = names[0];
    if (operatorToken.tokenType === T.OtherOperator) {
      this.sink.error(
        DomainCode.unsupportedOperator,
        `domaininternalwhere compares with = (in the listed values) or != (not in them) only; for ${operator.text} use oslc.where.`,
        operatorSpan,
      );
    }
    filter.values = this.values(tokensInOrder(valueTokens), operator);
    return filter;
  }

  private attribute(node: CstNode): NamePath | undefined {
    const tokens = tokensInOrder(node.children.NameStart as IToken[] | undefined, node.children.Dot as IToken[] | undefined);
    return namePath(tokens, (t) => t.tokenType === T.Dot, this.names);
  }

  private reportNoOperator(names: NamePath[], strays: { token: IToken; span: Span }[]): void {
    const whole = coverSpans(...names.map((n) => n.span), ...strays.map((s) => s.span));
    if (!whole) return;
    const written = this.text.slice(whole.start, whole.end);
    const suggestion = names.length === 1 && strays.length === 0 ? `${written}=APPR,INPRG` : `status=${written.replace(/\s+/g, "")}`;
    this.sink.error(
      DomainCode.missingOperator,
      `domaininternalwhere is <attribute>=<internal values> (or != for "not in"): write ${suggestion}.`,
      whole,
    );
  }

  private checkBeforeOperator(names: NamePath[], strays: { token: IToken; span: Span }[], operator: DomainFilterOperator): void {
    if (names.length === 0) {
      this.sink.error(
        DomainCode.missingAttribute,
        `${operator.text} has no attribute before it: name the domain-bound attribute first (status${operator.text}APPR,INPRG).`,
        operator.span,
      );
    }
    for (const extra of names.slice(1)) {
      this.sink.error(
        DomainCode.unexpectedToken,
        `domaininternalwhere filters one attribute: remove ${extra.text}, or filter it in oslc.where.`,
        extra.span,
      );
    }
    for (const stray of strays) {
      if (stray.token.tokenType === T.Unknown) {
        this.sink.error(DomainCode.unexpectedCharacter, `${strayText(stray.token.image)} has no meaning here: write <attribute>=<values>.`, stray.span);
      } else {
        this.sink.error(
          DomainCode.unexpectedToken,
          `${stray.token.image} does not belong before the operator: write one attribute, then = or !=, then the values (status=APPR,INPRG).`,
          stray.span,
        );
      }
    }
  }

  private values(tokens: IToken[], operator: DomainFilterOperator): DomainValue[] {
    const values: DomainValue[] = [];
    if (tokens.length === 0) {
      this.sink.error(
        DomainCode.missingValues,
        `${operator.text} needs the internal values after it, comma-separated (status${operator.text}APPR,INPRG).`,
        operator.span,
      );
      return values;
    }
    let expectValue = true;
    let lastComma: Span | undefined;
    let spacesReported = false;
    for (const token of tokens) {
      const span = tokenSpan(token) as Span;
      if (token.tokenType === T.ValueComma) {
        if (expectValue) this.reportEmptyValue(span);
        expectValue = true;
        lastComma = span;
        continue;
      }
      expectValue = false;
      const value = this.value(token, span);
      if (!value) {
        this.reportEmptyValue(span);
        continue;
      }
      if (!spacesReported && value.value.length !== token.image.length) {
        spacesReported = true;
        this.sink.warning(
          DomainCode.spaceInList,
          `Spaces around a value become part of it, so "${token.image}" would match no internal value: remove them (APPR,INPRG).`,
          span,
        );
      }
      values.push(value);
    }
    if (expectValue && lastComma) this.reportEmptyValue(lastComma);
    return values;
  }

  private reportEmptyValue(span: Span): void {
    this.sink.error(DomainCode.emptyValue, `An empty value in the list: remove the extra comma (APPR,INPRG).`, span);
  }

  /** Reads one comma-separated value, trimming it; undefined when only spaces. */
  private value(token: IToken, span: Span): DomainValue | undefined {
    const raw = token.image;
    const leading = raw.length - raw.trimStart().length;
    const value = raw.trim();
    if (value.length === 0) return undefined;
    const valueSpan = { start: span.start + leading, end: span.start + leading + value.length };
    const template = /^\{\{[\s\S]*\}\}$/.test(value);
    if (!template) this.checkValue(value, valueSpan);
    return { span: valueSpan, value, template };
  }

  private checkValue(value: string, span: Span): void {
    if (/^null$/i.test(value)) {
      this.sink.error(
        DomainCode.nullValue,
        `null is not allowed in domaininternalwhere: list internal values only, and test for empty values in oslc.where (status!="*").`,
        span,
      );
    } else if (value === "…" || /^\.{2,3}$/.test(value)) {
      this.sink.error(DomainCode.placeholder, `${value} is a placeholder in the guides: list the internal values (APPR,INPRG).`, span);
    } else if (/[=<>]|\s(and|or)\s/i.test(value)) {
      this.sink.error(
        DomainCode.singleAttribute,
        `domaininternalwhere filters one attribute; "${value}" looks like another condition: put it in oslc.where.`,
        span,
      );
    } else if (QUOTES.test(value)) {
      this.sink.warning(
        DomainCode.quotedValue,
        `Internal values are written bare: the quotes in ${value} become part of the value and it matches nothing. Write ${value.replace(/^["'“”„″‘’]|["'“”„″‘’]$/g, "")}.`,
        span,
      );
    }
  }
}
