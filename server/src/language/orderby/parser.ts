/**
 * Grammar of `oslc.orderBy` and `gbsortby`, grammar only (meaning lives in `astBuilder.ts`).
 * Flat and permissive: a sequence of sort terms, commas and stray tokens.
 *
 *   orderByClause := element*
 *   element       := sortTerm | Comma | Stray
 *   sortTerm      := Sign+ path? | path
 *   path          := NameStart (Dot NameStart?)*
 */
import { CstParser, type CstNode, type IRecognitionException, type IToken } from "chevrotain";
import * as T from "./tokens";

export class OrderByParser extends CstParser {
  /** `validate`: check the grammar as it is built (tests do; at run time it only costs start-up time). */
  constructor(validate = false) {
    // No CST node locations: the AST builders take ranges from token offsets.
    super(T.allTokens, { recoveryEnabled: true, nodeLocationTracking: "none", maxLookahead: 1, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  public readonly orderByClause = this.RULE("orderByClause", () => {
    this.MANY(() => this.SUBRULE(this.element));
  });

  private readonly element = this.RULE("element", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.sortTerm) },
      { ALT: () => this.CONSUME(T.Comma) },
      { ALT: () => this.CONSUME(T.Stray) },
    ]);
  });

  private readonly sortTerm = this.RULE("sortTerm", () => {
    this.OR([
      {
        ALT: () => {
          this.AT_LEAST_ONE(() => this.CONSUME(T.Sign));
          this.OPTION(() => this.SUBRULE(this.path));
        },
      },
      { ALT: () => this.SUBRULE2(this.path) },
    ]);
  });

  private readonly path = this.RULE("path", () => {
    this.CONSUME(T.NameStart);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.OPTION(() => this.CONSUME2(T.NameStart));
    });
  });
}

let parser: OrderByParser | undefined;

/** The one orderBy parser, built on first use and reused. */
export function orderByParser(): OrderByParser {
  parser ??= new OrderByParser();
  return parser;
}

export function parseOrderByTokens(tokens: IToken[]): { cst: CstNode; errors: IRecognitionException[] } {
  const p = orderByParser();
  p.input = tokens;
  const cst = p.orderByClause();
  return { cst, errors: p.errors };
}
