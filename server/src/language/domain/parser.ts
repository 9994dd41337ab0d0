/**
 * Grammar of `domaininternalwhere`, grammar only (meaning lives in `astBuilder.ts`). Flat: the
 * builder checks that one attribute comes before one operator and the values after it.
 *
 *   domainFilter := element*
 *   element      := attribute | DomainOperator | valueList | Dot | Stray
 *   attribute    := NameStart (Dot NameStart?)*
 *   valueList    := (ValueText | ValueComma)+
 */
import { CstParser, type CstNode, type IRecognitionException, type IToken } from "chevrotain";
import * as T from "./tokens";

export class DomainFilterParser extends CstParser {
  /** `validate`: check the grammar as it is built (tests do; at run time it only costs start-up time). */
  constructor(validate = false) {
    // No CST node locations: the AST builders take ranges from token offsets.
    super(T.allTokens, { recoveryEnabled: true, nodeLocationTracking: "none", maxLookahead: 1, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  public readonly domainFilter = this.RULE("domainFilter", () => {
    this.MANY(() => this.SUBRULE(this.element));
  });

  private readonly element = this.RULE("element", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.attribute) },
      { ALT: () => this.CONSUME(T.DomainOperator) },
      { ALT: () => this.SUBRULE(this.valueList) },
      { ALT: () => this.CONSUME(T.Dot) },
      { ALT: () => this.CONSUME(T.Stray) },
    ]);
  });

  private readonly attribute = this.RULE("attribute", () => {
    this.CONSUME(T.NameStart);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.OPTION(() => this.CONSUME2(T.NameStart));
    });
  });

  private readonly valueList = this.RULE("valueList", () => {
    this.AT_LEAST_ONE(() => {
      this.OR([{ ALT: () => this.CONSUME(T.ValueText) }, { ALT: () => this.CONSUME(T.ValueComma) }]);
    });
  });
}

let parser: DomainFilterParser | undefined;

export function domainFilterParser(): DomainFilterParser {
  parser ??= new DomainFilterParser();
  return parser;
}

export function parseDomainFilterTokens(tokens: IToken[]): { cst: CstNode; errors: IRecognitionException[] } {
  const p = domainFilterParser();
  p.input = tokens;
  const cst = p.domainFilter();
  return { cst, errors: p.errors };
}
