/**
 * Reads the list of an `in` term (`status in ["A","B"]`) and reports how it is written wrong:
 * parentheses, no closing bracket, empty items, missing commas, and the spaces next to commas
 * that real servers reject.
 */
import type { CstNode, IToken } from "chevrotain";
import { coverSpans, cstContext, tokensInOrder } from "../common/queryCst";
import { tokenSpan } from "../common/queryTokens";
import type { DiagnosticSink } from "../common/querySupport";
import type { Span } from "../common/types";
import type { WhereInTerm } from "./ast";
import { WhereCode } from "./diagnosticCodes";
import * as T from "./tokens";
import { readValue, type ValueContext } from "./valueReader";

interface InListCtx {
  TemplateVariable?: IToken[];
  LBracket?: IToken[];
  LParen?: IToken[];
  RBracket?: IToken[];
  RParen?: IToken[];
  value?: CstNode[];
  Comma?: IToken[];
}

export interface InListContext {
  text: string;
  sink: DiagnosticSink;
  /** How to read (and report) each value. */
  values: ValueContext;
  /** The name tested, for messages (`status`). */
  nameText: string;
}

/** Fills `term.values` (or `term.template`) and `term.listSpan` from an `inList` CST node. */
export function readInList(node: CstNode, term: WhereInTerm, context: InListContext): void {
  const c = cstContext<InListCtx>(node);
  const template = c.TemplateVariable?.[0];
  const templateSpan = tokenSpan(template);
  if (template && templateSpan) {
    term.template = { kind: "template", span: templateSpan, raw: template.image };
    return;
  }
  const { sink, nameText } = context;
  const open = c.LBracket?.[0] ?? c.LParen?.[0];
  const openSpan = tokenSpan(open);
  const closeSpan = tokenSpan(c.RBracket?.[0] ?? c.RParen?.[0]);
  const valueTokens = (c.value ?? []).map((v) => cstContext<{ ValueToken?: IToken[] }>(v).ValueToken?.[0]);
  const items = tokensInOrder(valueTokens.filter((t): t is IToken => !!t), c.Comma);
  term.listSpan = coverSpans(openSpan, closeSpan, ...items.map((t) => tokenSpan(t)));

  let expectValue = true;
  let lastComma: Span | undefined;
  for (const token of items) {
    const span = tokenSpan(token) as Span;
    if (token.tokenType === T.Comma) {
      if (expectValue) reportEmptyItem(span, sink);
      expectValue = true;
      lastComma = span;
      continue;
    }
    if (!expectValue) {
      sink.error(WhereCode.inListMissingComma, `List items are separated by commas: add one before ${token.image}.`, span);
    }
    term.values.push(readValue(token, span, context.values));
    expectValue = false;
  }
  if (expectValue && lastComma) reportEmptyItem(lastComma, sink);
  if (items.length === 0 && openSpan && closeSpan) {
    sink.error(WhereCode.emptyInList, `An "in" list needs at least one value: ${nameText} in ["A","B"].`, coverSpans(openSpan, closeSpan) as Span);
  }
  if (open?.tokenType === T.LParen) {
    const shown = term.values.map((v) => (v.kind === "string" ? `"${v.value}"` : v.raw)).join(",");
    sink.error(
      WhereCode.inListParentheses,
      `An "in" list is written in square brackets, not parentheses: ${nameText} in [${shown || '"A","B"'}].`,
      term.listSpan ?? (openSpan as Span),
    );
  } else if (openSpan && !closeSpan) {
    sink.error(WhereCode.unclosedInList, `This "in" list has no closing ]: add it after the last value.`, openSpan);
  }
  reportSpacesAroundCommas(items, context.text, sink);
}

function reportEmptyItem(commaSpan: Span, sink: DiagnosticSink): void {
  sink.error(WhereCode.emptyInListItem, `An "in" list has an empty item here: remove the extra comma (["A","B"]).`, commaSpan);
}

/** A space next to a comma in an `in` list makes real servers answer BMXAA8744E; one report per list. */
function reportSpacesAroundCommas(items: IToken[], text: string, sink: DiagnosticSink): void {
  for (const token of items) {
    if (token.tokenType !== T.Comma) continue;
    const at = token.startOffset;
    let start = at;
    while (start > 0 && /\s/.test(text[start - 1])) start--;
    let end = at + 1;
    while (end < text.length && /\s/.test(text[end])) end++;
    if (start === at && end === at + 1) continue;
    // Warning, not error: one public report of BMXAA8744E, not confirmed on every version.
    sink.warning(
      WhereCode.spaceInList,
      `Some servers reject an "in" list with spaces around its commas (BMXAA8744E): write the items without spaces, ["A","B"].`,
      { start, end },
    );
    return;
  }
}
