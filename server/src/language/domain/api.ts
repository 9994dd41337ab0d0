/**
 * `parseDomainFilter`: entry point of `domaininternalwhere`. Never throws; every span in the
 * result is in the caller's coordinates.
 */
import { tokenSpan } from "../common/queryTokens";
import { PARSE_ERROR, runQueryParse, type DiagnosticSink, type QueryParseResult } from "../common/querySupport";
import type { EmbeddedSource, Span } from "../common/types";
import type { DomainFilter } from "./ast";
import { DomainAstBuilder } from "./astBuilder";
import { DomainCode } from "./diagnosticCodes";
import { lexDomainFilter } from "./lexer";
import { parseDomainFilterTokens } from "./parser";

export interface DomainFilterOptions {
  /** `lean=1` is on the request: a `spi:` prefixed attribute is an error. */
  lean?: boolean;
}

export type DomainFilterParse = QueryParseResult<DomainFilter>;

export function parseDomainFilter(source: EmbeddedSource, options: DomainFilterOptions = {}): DomainFilterParse {
  return runQueryParse("domain", source, (text, sink) => buildDomainFilter(text, sink, options), emptyDomainFilter, `${options.lean === true}`);
}

function emptyDomainFilter(span: Span): DomainFilter {
  return { kind: "domainFilter", span, values: [] };
}

function buildDomainFilter(text: string, sink: DiagnosticSink, options: DomainFilterOptions): DomainFilter {
  const lexed = lexDomainFilter(text);
  for (const error of lexed.errors) {
    sink.error(DomainCode.unexpectedCharacter, `This character has no meaning here: remove it.`, {
      start: error.offset,
      end: error.offset + Math.max(1, error.length),
    });
  }
  const { cst, errors } = parseDomainFilterTokens(lexed.tokens);
  for (const error of errors) {
    const span = tokenSpan(error.token) ?? { start: text.length, end: text.length };
    sink.error(PARSE_ERROR("domain"), `The checker lost track of the value here (${error.message}); please report this.`, span);
  }
  const filter = new DomainAstBuilder(text, sink, options.lean ?? false).domainFilter(cst);
  if (lexed.tokens.length === 0) {
    sink.warning(
      DomainCode.empty,
      `domaininternalwhere is empty, so it filters nothing: write <attribute>=<internal values> (status=APPR,INPRG), or remove it.`,
      { start: 0, end: text.length },
    );
  }
  return filter;
}
