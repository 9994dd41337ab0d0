/**
 * Builds the select AST from the CST and reports what a real server would reject or misread:
 * which notation each item is (attribute, dot path, child object, rel notation, aggregate,
 * formula, gbcols aggregation) is decided here, not in the grammar.
 */
import type { CstNode, IToken } from "chevrotain";
import { strayText } from "../common/invisibleCharacters";
import type { NamePath } from "../common/queryAst";
import { coverSpans, cstContext, namePath, nameSegment, tokensInOrder, type NameRules, strayRun } from "../common/queryCst";
import { tokenSpan } from "../common/queryTokens";
import type { DiagnosticSink } from "../common/querySupport";
import type { Span } from "../common/types";
import type { DatabaseAggregate, GroupFunction, SelectAlias, SelectClause, SelectItem } from "./ast";
import { SelectCode } from "./diagnosticCodes";
import * as T from "./tokens";

export type SelectMode = "select" | "gbcols";

export interface SelectBuildOptions {
  mode: SelectMode;
  lean: boolean;
}

interface ElementCtx {
  item?: CstNode[];
  Comma?: IToken[];
  Stray?: IToken[];
  RBrace?: IToken[];
}
interface ItemCtx {
  head?: CstNode[];
  childList?: CstNode[];
  alias?: CstNode[];
}
interface HeadCtx {
  Star?: IToken[];
  NameStart?: IToken[];
  Dot?: IToken[];
}
interface ChildListCtx {
  LBrace?: IToken[];
  innerClause?: CstNode[];
  RBrace?: IToken[];
}
interface AliasCtx {
  AliasMark?: IToken[];
  NameStart?: IToken[];
}

type ListElement =
  | { kind: "item"; item: SelectItem }
  | { kind: "comma"; span: Span }
  | { kind: "stray"; token: IToken; span: Span };

interface ChildList {
  items: SelectItem[];
  closed: boolean;
  span: Span;
}

const TWO_TOKEN_AGGREGATES = new Set<DatabaseAggregate>(["_dbcount", "_dbexists"]);
const THREE_TOKEN_AGGREGATES = new Set<DatabaseAggregate>(["_dbsum", "_dbavg", "_dbmax", "_dbmin"]);
const GROUP_FUNCTIONS = new Set<GroupFunction>(["count", "max", "min", "avg", "sum"]);
const STAR_NAME = "*";

export class SelectAstBuilder {
  private readonly names: NameRules;

  constructor(
    private readonly text: string,
    private readonly sink: DiagnosticSink,
    private readonly options: SelectBuildOptions,
  ) {
    this.names = { text, sink, lean: options.lean, leanCode: SelectCode.prefixWithLean, strayCode: SelectCode.unexpectedCharacter, isTemplate: (t) => t.tokenType === T.TemplateVariable };
  }

  selectClause(node: CstNode): SelectClause {
    const span = { start: 0, end: this.text.length };
    const items = this.list(node, "element");
    if (this.options.mode === "gbcols") this.checkGroupColumns(items, span);
    return { kind: "selectClause", span, items };
  }

  private list(node: CstNode, elementRule: "element" | "innerElement"): SelectItem[] {
    const elements: ListElement[] = [];
    for (const element of (node.children[elementRule] ?? []) as CstNode[]) {
      const c = cstContext<ElementCtx>(element);
      if (c.item) {
        const item = this.item(c.item[0]);
        if (item) elements.push({ kind: "item", item });
        continue;
      }
      const token = c.Comma?.[0] ?? c.Stray?.[0] ?? c.RBrace?.[0];
      const span = tokenSpan(token);
      if (!token || !span) continue;
      elements.push(token.tokenType === T.Comma ? { kind: "comma", span } : { kind: "stray", token, span });
    }
    this.checkSeparators(elements);
    return elements.flatMap((e) => (e.kind === "item" ? [e.item] : []));
  }

  /** Commas separate items: none missing, none doubled, none leading or trailing. */
  private checkSeparators(elements: ListElement[]): void {
    let expectItem = true;
    let previousItem: SelectItem | undefined;
    let lastComma: Span | undefined;
    for (let i = 0; i < elements.length; i++) {
      const element = elements[i];
      if (element.kind === "comma") {
        if (expectItem) this.reportEmptyItem(element.span, !lastComma && !previousItem);
        expectItem = true;
        lastComma = element.span;
        previousItem = undefined;
      } else if (element.kind === "item") {
        if (previousItem) {
          // Several items in a row without commas (pasted prose) are one mistake.
          let last = element.item;
          while (elements[i + 1]?.kind === "item") {
            i++;
            last = (elements[i] as { item: SelectItem }).item;
          }
          this.reportMissingComma(previousItem.span, element.item.span, last.span);
          previousItem = last;
        } else {
          previousItem = element.item;
        }
        expectItem = false;
      } else {
        i = this.reportStray(elements, i);
        expectItem = false;
        previousItem = undefined;
      }
    }
    if (expectItem && lastComma) {
      this.sink.error(SelectCode.emptyItem, `The list ends with a comma: remove it, or add the item that should follow.`, lastComma);
    }
  }

  private reportEmptyItem(comma: Span, leading: boolean): void {
    const message = leading
      ? `The list starts with a comma: remove it, or put an item before it (to add to all attributes write *,name).`
      : `Two commas with no item between them: remove one, or put the item between them.`;
    this.sink.error(SelectCode.emptyItem, message, comma);
  }

  private reportMissingComma(previous: Span, next: Span, last: Span): void {
    const span = { start: previous.start, end: last.end };
    const gap = this.text.slice(previous.end, next.start);
    const before = this.text.slice(previous.start, previous.end);
    const after = this.text.slice(next.start, next.end);
    let message: string;
    if (last !== next) {
      message = `"${this.text.slice(span.start, span.end)}" is not a list of items: separate items with commas; if this text came along with a pasted example, remove it.`;
    } else if (/[\r\n]/.test(gap)) {
      message = `A line break separates ${before} and ${after}: if they are one name, join them (${before}${after}); otherwise put a comma between them.`;
    } else {
      message = `${before} and ${after} have no comma between them: items are separated by commas (${before},${after}); names contain no spaces.`;
    }
    this.sink.error(SelectCode.missingComma, message, span);
  }

  /** Reports one stray (a run, for unknown characters); returns the index of its last token. */
  private reportStray(elements: ListElement[], index: number): number {
    const { element, span, last } = strayRun(elements, index, T.Unknown);
    const type = element.token.tokenType;
    const image = this.text.slice(span.start, span.end);
    if (type === T.Ellipsis) {
      this.sink.error(
        SelectCode.placeholder,
        `${image} is a placeholder in the guides ("and so on"), not part of a select: list the attributes you want, or write * for all of them.`,
        span,
      );
    } else if (type === T.RBrace) {
      this.sink.error(SelectCode.unmatchedBrace, `This } closes nothing: remove it, or open the list with name{ before the items.`, span);
    } else if (type === T.Dot) {
      this.sink.error(SelectCode.unexpectedToken, `A dot joins names in a path (location.status); this one follows no name: remove it.`, span);
    } else if (type === T.Unknown) {
      this.sink.error(SelectCode.unexpectedCharacter, `${strayText(image)} has no meaning in a select list: items are names separated by commas.`, span);
    } else {
      this.sink.error(
        SelectCode.unexpectedToken,
        `${image} belongs to no item: sort signs go in oslc.orderBy (-wonum), and an alias follows its attribute (location--mylocation).`,
        span,
      );
    }
    return last;
  }

  private item(node: CstNode): SelectItem | undefined {
    const c = cstContext<ItemCtx>(node);
    const cache = this.cacheProperty(c);
    if (cache) return cache;
    const head = c.head ? this.head(c.head[0]) : undefined;
    const children = c.childList ? this.childList(c.childList[0], head) : undefined;
    const alias = c.alias ? this.alias(c.alias[0]) : undefined;
    const span = coverSpans(head?.span, children?.span, alias?.span);
    if (!span) return undefined;
    return this.options.mode === "gbcols"
      ? this.groupColumn(span, head, children, alias)
      : this.selectItem(span, head, children, alias);
  }

  private selectItem(span: Span, head: Head | undefined, children: ChildList | undefined, alias: SelectAlias | undefined): SelectItem {
    if (!head?.path) {
      // `*` (perhaps with a misplaced list) or a list with no name.
      if (head?.star) {
        if (children) this.reportMisplacedBraces(children.span, "*");
        if (alias) this.reportAliasOnNonAttribute(alias, "*", "all attributes");
        return withAlias({ kind: "all", span }, alias);
      }
      const list = children as ChildList;
      this.sink.error(
        SelectCode.misplacedBraces,
        `This {...} list has no name: write the child object or rel.<relationship> before it (assetmeter{*}, rel.openwo{wonum}).`,
        list.span,
      );
      if (alias) this.reportAliasOnNonAttribute(alias, "{...}", "a list");
      return withAlias({ kind: "child", span, items: list.items, closed: list.closed }, alias);
    }
    const path = head.path;
    const segments = path.segments;
    const first = segments[0];
    if (children) {
      // rel.<relationship>{...}, or rel.<relationship>.<object structure>{...}: the related records
      // rendered as that object structure's (reference §4.1 names the structure after the relation
      // the same way in a path: openwo.mxwodetail; IBM's mobile apps select rel.asset.mxapiasset{...}).
      const relationParts = segments.slice(1);
      if (first.name.toLowerCase() === "rel" && (segments.length === 2 || segments.length === 3) && relationParts.every((s) => s.name !== STAR_NAME)) {
        if (alias) this.reportAliasOnNonAttribute(alias, path.text, "a relationship");
        const relation: SelectItem = { kind: "relation", span, keywordSpan: first.span, relation: segments[1], items: children.items, closed: children.closed };
        if (segments[2]) relation.objectStructure = segments[2];
        return withAlias(relation, alias);
      }
      if (segments.length > 1 || first.name === STAR_NAME) this.reportMisplacedBraces(children.span, path.text);
      if (alias) this.reportAliasOnNonAttribute(alias, path.text, "a child object");
      return withAlias({ kind: "child", span, name: path, items: children.items, closed: children.closed }, alias);
    }
    const aggregate = this.aggregate(span, path);
    if (aggregate) return withAlias(aggregate, alias);
    this.reportStarsInPath(path);
    if (first.name.toLowerCase() === "exp" && segments.length > 1) {
      if (segments.length !== 2) {
        this.sink.error(
          SelectCode.formulaShape,
          `A formula is exp.<formula name>, two parts: ${path.text} has ${segments.length}. Write exp.${segments[1].text}.`,
          path.span,
        );
      }
      return withAlias({ kind: "formula", span, path, name: segments[1] }, alias);
    }
    if (first.name.toLowerCase() === "rel" && segments.length === 2) {
      this.sink.warning(
        SelectCode.relationNeedsBraces,
        `${path.text} is the rel notation without its attribute list, so the server reads it as an attribute of a relationship named "rel": write ${path.text}{*} or ${path.text}{attr1,attr2}.`,
        path.span,
      );
    }
    return withAlias({ kind: "attribute", span, path }, alias);
  }

  /** `openwo.actlabhrs._dbavg` / `openwo._dbcount`, or undefined when no part starts with `_db`. */
  private aggregate(span: Span, path: NamePath): SelectItem | undefined {
    const segments = path.segments;
    const index = segments.findIndex((s) => s.name.toLowerCase().startsWith("_db"));
    if (index < 0) return undefined;
    const segment = segments[index];
    const fn = segment.name.toLowerCase() as DatabaseAggregate;
    const threeToken = THREE_TOKEN_AGGREGATES.has(fn);
    const twoToken = TWO_TOKEN_AGGREGATES.has(fn);
    if (!threeToken && !twoToken) {
      this.sink.error(
        SelectCode.unknownAggregate,
        `${segment.text} is not an aggregation function: use _dbsum, _dbavg, _dbmax or _dbmin (relationship.attribute._dbsum), or _dbcount (relationship._dbcount).`,
        segment.span,
      );
      return { kind: "attribute", span, path };
    }
    // Relationships may be nested before the function (reference §4.1: relation chains "can be
    // nested too"; IBM's Inspection app counts `inspectionform.inspquestionunit._dbcount`).
    const expected = threeToken ? 3 : 2;
    if (index !== segments.length - 1 || segments.length < expected) {
      const example = threeToken ? `openwo.actlabhrs.${fn}` : `openwo.${fn}`;
      const shape = threeToken ? "relationship.attribute." + fn : "relationship." + fn;
      this.sink.error(
        SelectCode.aggregateShape,
        `${fn} is written ${shape}, the function last (the relationship may be a nested chain), as in ${example}; ${path.text} does not fit.`,
        path.span,
      );
      return { kind: "attribute", span, path };
    }
    const relations = segments.slice(0, threeToken ? -2 : -1);
    const result: SelectItem = { kind: "aggregate", span, path, function: fn, functionSpan: segment.span, relation: relations[0]!, relations };
    if (threeToken) result.attribute = segments[segments.length - 2];
    return result;
  }

  private reportStarsInPath(path: NamePath): void {
    for (const segment of path.segments.slice(1)) {
      if (segment.name !== STAR_NAME) continue;
      this.sink.error(
        SelectCode.starInPath,
        `* cannot end a dot path: name the attributes (location.status), or use the rel notation rel.${path.segments[0].text}{*} for all of them.`,
        segment.span,
      );
    }
  }

  private reportMisplacedBraces(list: Span, headText: string): void {
    this.sink.error(
      SelectCode.misplacedBraces,
      `${headText}{...} is not a notation the server knows: a list follows a child object (assetmeter{*}) or rel.<relationship> (rel.openwo{wonum}); a dot path can sit inside a list but cannot open one.`,
      list,
    );
  }

  private reportAliasOnNonAttribute(alias: SelectAlias, subject: string, what: string): void {
    this.sink.error(
      SelectCode.aliasOnRelation,
      `-- renames attributes only, and ${subject} is ${what}: remove the alias, or alias an attribute inside it.`,
      alias.span,
    );
  }

  /** A gbcols item: a group-by attribute or an aggregation (`count.*`, `max.budgetcost`). */
  private groupColumn(span: Span, head: Head | undefined, children: ChildList | undefined, alias: SelectAlias | undefined): SelectItem {
    if (children) {
      this.sink.error(
        SelectCode.gbcolsUnsupported,
        `gbcols lists attributes and aggregations only (siteid,count.*,max.budgetcost): child lists belong in oslc.select.`,
        children.span,
      );
    }
    if (alias) {
      this.sink.error(SelectCode.gbcolsUnsupported, `gbcols has no aliases: remove ${alias.operator}${alias.name?.text ?? ""}.`, alias.span);
    }
    if (!head?.path) {
      if (head?.star) {
        this.sink.error(SelectCode.gbcolsUnsupported, `gbcols counts rows with count.*, not *: write count.*.`, head.span);
      }
      return { kind: "all", span };
    }
    const path = head.path;
    const [first, second] = path.segments;
    const fn = first.name.toLowerCase() as GroupFunction;
    if (path.segments.length === 2 && GROUP_FUNCTIONS.has(fn)) {
      const all = second.name === STAR_NAME;
      if (all && fn !== "count") {
        this.sink.error(
          SelectCode.gbcolsStar,
          `${fn}.* has no meaning: only count.* counts rows; ${fn} needs an attribute (${fn}.budgetcost).`,
          second.span,
        );
      }
      const result: SelectItem = { kind: "groupAggregate", span, function: fn, functionSpan: first.span, all };
      if (!all) result.attribute = second;
      return result;
    }
    for (const segment of path.segments) {
      if (segment.name.toLowerCase().startsWith("_db")) {
        this.sink.error(
          SelectCode.gbcolsUnsupported,
          `gbcols aggregates with count., max., min., avg. and sum. (max.budgetcost); ${segment.text} belongs in oslc.select.`,
          segment.span,
        );
      }
    }
    this.reportStarsInPath(path);
    return { kind: "attribute", span, path };
  }

  /** gbcols groups on at least one attribute: aggregations alone have nothing to group by. */
  private checkGroupColumns(items: SelectItem[], span: Span): void {
    const aggregates = items.filter((i) => i.kind === "groupAggregate");
    const groups = items.filter((i) => i.kind === "attribute");
    if (aggregates.length > 0 && groups.length === 0) {
      this.sink.warning(
        SelectCode.gbcolsNoGroup,
        `gbcols needs at least one attribute to group on besides the aggregations: add one first (gbcols=siteid,count.*).`,
        span,
      );
    }
  }

  /** `cache.<name>...` with no list: its names and its `-` follow rules we do not know, so nothing is reported. */
  private cacheProperty(c: ItemCtx): SelectItem | undefined {
    if (!c.head || c.childList || this.options.mode === "gbcols") return undefined;
    const head = cstContext<HeadCtx>(c.head[0]!);
    const tokens = tokensInOrder(head.Star, head.NameStart, head.Dot);
    if (tokens.length < 3 || tokens[0]!.tokenType !== T.Identifier || tokens[0]!.image.toLowerCase() !== "cache" || tokens[1]!.tokenType !== T.Dot) return undefined;
    const alias = c.alias ? cstContext<AliasCtx>(c.alias[0]!) : undefined;
    const span = coverSpans(...tokens.map((t) => tokenSpan(t)), ...tokensInOrder(alias?.AliasMark, alias?.NameStart).map((t) => tokenSpan(t)));
    if (!span) return undefined;
    return { kind: "cacheProperty", span, text: this.text.slice(span.start, span.end) };
  }

  private head(node: CstNode): Head | undefined {
    const c = cstContext<HeadCtx>(node);
    const tokens = tokensInOrder(c.Star, c.NameStart, c.Dot);
    const span = coverSpans(...tokens.map((t) => tokenSpan(t)));
    if (!span) return undefined;
    if (tokens.length === 1 && tokens[0].tokenType === T.Star) return { span, star: true };
    const path = namePath(tokens, (t) => t.tokenType === T.Dot, this.names);
    if (!path) return undefined;
    if (/\s/.test(path.text)) {
      this.sink.error(
        SelectCode.spaceInPath,
        `${path.text} has a space inside a dot path: write names and dots without spaces (${path.text.replace(/\s+/g, "")}), or separate items with a comma.`,
        span,
      );
    }
    if (path.incomplete) {
      this.sink.error(
        SelectCode.incompletePath,
        `${path.text} ends with a dot: name the attribute of the related object after it (${path.text}description).`,
        span,
      );
    }
    return { span, star: false, path };
  }

  private childList(node: CstNode, head: Head | undefined): ChildList | undefined {
    const c = cstContext<ChildListCtx>(node);
    const openSpan = tokenSpan(c.LBrace?.[0]);
    if (!openSpan) return undefined;
    const closeSpan = tokenSpan(c.RBrace?.[0]);
    const inner = c.innerClause?.[0];
    const items = inner ? this.list(inner, "innerElement") : [];
    const hasContent = inner ? Object.keys(inner.children).length > 0 : false;
    const name = head?.path?.text ?? "";
    if (!closeSpan) {
      this.sink.error(SelectCode.unclosedBrace, `${name}{ has no closing }: add it after the last item of the list.`, openSpan);
    } else if (!hasContent) {
      this.sink.error(
        SelectCode.emptyBraces,
        `${name}{} selects nothing: write ${name}{*} for all attributes, or list them (${name}{attr1,attr2}).`,
        coverSpans(openSpan, closeSpan) as Span,
      );
    }
    return { items, closed: !!closeSpan, span: coverSpans(openSpan, closeSpan, ...items.map((i) => i.span)) as Span };
  }

  private alias(node: CstNode): SelectAlias | undefined {
    const c = cstContext<AliasCtx>(node);
    const mark = c.AliasMark?.[0];
    const operatorSpan = tokenSpan(mark);
    if (!mark || !operatorSpan) return undefined;
    const nameToken = c.NameStart?.[0];
    const name = nameToken && tokenSpan(nameToken) ? nameSegment(nameToken, this.names) : undefined;
    const span = coverSpans(operatorSpan, name?.span) as Span;
    const renamed = name?.text ?? "newname";
    if (mark.tokenType !== T.AliasOperator) {
      const what = mark.tokenType === T.TypographicDash ? `${mark.image} is a typographic dash (the guide's typesetting turns -- into it)` : `A single - is not an operator`;
      this.sink.error(SelectCode.aliasOperator, `${what}: an alias is written with two hyphens, attr--${renamed}.`, operatorSpan);
    }
    if (!name) {
      this.sink.error(SelectCode.aliasMissingName, `${mark.image} needs the new name after it: location--mylocation.`, operatorSpan);
    }
    const alias: SelectAlias = { span, operator: mark.image, operatorSpan };
    if (name) alias.name = name;
    return alias;
  }
}

interface Head {
  span: Span;
  star: boolean;
  path?: NamePath;
}

function withAlias<T extends SelectItem>(item: T, alias: SelectAlias | undefined): T {
  if (alias && item.kind !== "groupAggregate") (item as { alias?: SelectAlias }).alias = alias;
  return item;
}
