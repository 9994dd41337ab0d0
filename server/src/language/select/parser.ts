/**
 * Grammar of `oslc.select` and `gbcols`, grammar only (meaning lives in `astBuilder.ts`).
 * Flat and permissive like the where grammar: a list is a sequence of items, commas and stray
 * tokens, so empty items, missing commas and leftovers are reported by the builder in order,
 * and no input makes chevrotain re-sync.
 *
 *   selectClause := element*
 *   element      := item | Comma | Stray | RBrace          (RBrace only at the top level)
 *   innerClause  := innerElement*
 *   innerElement := item | Comma | Stray
 *   item         := head childList? alias? | childList alias?   (no head: reported)
 *   head         := Star | NameStart (Dot (NameStart | Star)?)*
 *   childList    := LBrace innerClause RBrace?
 *   alias        := AliasMark NameStart?
 */
import { CstParser, type CstNode, type IRecognitionException, type IToken } from "chevrotain";
import * as T from "./tokens";

export class SelectParser extends CstParser {
  /** `validate`: check the grammar as it is built (tests do; at run time it only costs start-up time). */
  constructor(validate = false) {
    // No CST node locations: the AST builders take ranges from token offsets.
    super(T.allTokens, { recoveryEnabled: true, nodeLocationTracking: "none", maxLookahead: 1, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  public readonly selectClause = this.RULE("selectClause", () => {
    this.MANY(() => this.SUBRULE(this.element));
  });

  private readonly element = this.RULE("element", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.item) },
      { ALT: () => this.CONSUME(T.Comma) },
      { ALT: () => this.CONSUME(T.Stray) },
      { ALT: () => this.CONSUME(T.RBrace) },
    ]);
  });

  private readonly innerClause = this.RULE("innerClause", () => {
    this.MANY(() => this.SUBRULE(this.innerElement));
  });

  private readonly innerElement = this.RULE("innerElement", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.item) },
      { ALT: () => this.CONSUME(T.Comma) },
      { ALT: () => this.CONSUME(T.Stray) },
    ]);
  });

  private readonly item = this.RULE("item", () => {
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.head);
          this.OPTION(() => this.SUBRULE(this.childList));
          this.OPTION2(() => this.SUBRULE(this.alias));
        },
      },
      {
        ALT: () => {
          this.SUBRULE2(this.childList);
          this.OPTION3(() => this.SUBRULE2(this.alias));
        },
      },
    ]);
  });

  private readonly head = this.RULE("head", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Star) },
      {
        ALT: () => {
          this.CONSUME(T.NameStart);
          this.MANY(() => {
            this.CONSUME(T.Dot);
            this.OPTION(() => {
              this.OR2([{ ALT: () => this.CONSUME2(T.NameStart) }, { ALT: () => this.CONSUME2(T.Star) }]);
            });
          });
        },
      },
    ]);
  });

  private readonly childList = this.RULE("childList", () => {
    this.CONSUME(T.LBrace);
    this.SUBRULE(this.innerClause);
    this.OPTION(() => this.CONSUME(T.RBrace));
  });

  private readonly alias = this.RULE("alias", () => {
    this.CONSUME(T.AliasMark);
    this.OPTION(() => this.CONSUME(T.NameStart));
  });
}

let parser: SelectParser | undefined;

/** The one select parser, built on first use and reused. */
export function selectParser(): SelectParser {
  parser ??= new SelectParser();
  return parser;
}

export function parseSelectTokens(tokens: IToken[]): { cst: CstNode; errors: IRecognitionException[] } {
  const p = selectParser();
  p.input = tokens;
  const cst = p.selectClause();
  return { cst, errors: p.errors };
}
