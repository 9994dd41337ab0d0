/**
 * Grammar of `oslc.where`, grammar only (meaning and diagnostics live in `astBuilder.ts`).
 *
 * The grammar is flat and permissive on purpose: a clause is a sequence of elements (terms,
 * joiners and stray tokens), so every input parses without chevrotain having to re-sync, the
 * builder sees everything the user wrote in order, and a mistake in one term never hides the
 * terms after it. Parentheses are stray tokens rather than a nested group: the server has no
 * grouping, and a flat grammar cannot be driven into deep recursion by `((((`.
 *
 *   whereClause   := element*
 *   element       := term | joiner | Stray | RBrace          (RBrace only at the top level)
 *   scopedClause  := scopedElement*
 *   scopedElement := term | joiner | Stray
 *   joiner        := And | Or
 *   term          := subject predicate? | predicate          (no subject: reported)
 *   subject       := NameStart (Dot NameStart?)*
 *   predicate     := comparison | notTail | inTail | likeTail | isTail | scopeTail
 *   comparison    := Comparator value?
 *   notTail       := Not (inTail | likeTail)?
 *   inTail        := In inList?
 *   inList        := TemplateVariable | (LBracket | LParen) (value | Comma)* (RBracket | RParen)?
 *   likeTail      := Like value?
 *   isTail        := Is Not? Null?
 *   scopeTail     := LBrace scopedClause RBrace?
 *   value         := ValueToken
 */
import { CstParser, type CstNode, type IRecognitionException, type IToken } from "chevrotain";
import * as T from "./tokens";

export class WhereParser extends CstParser {
  /** `validate`: check the grammar as it is built (tests do; at run time it only costs start-up time). */
  constructor(validate = false) {
    // No CST node locations: the AST builders take ranges from token offsets.
    super(T.allTokens, { recoveryEnabled: true, nodeLocationTracking: "none", maxLookahead: 1, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  public readonly whereClause = this.RULE("whereClause", () => {
    this.MANY(() => this.SUBRULE(this.element));
  });

  private readonly element = this.RULE("element", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.term) },
      { ALT: () => this.SUBRULE(this.joiner) },
      { ALT: () => this.CONSUME(T.Stray) },
      { ALT: () => this.CONSUME(T.RBrace) },
    ]);
  });

  private readonly scopedClause = this.RULE("scopedClause", () => {
    this.MANY(() => this.SUBRULE(this.scopedElement));
  });

  private readonly scopedElement = this.RULE("scopedElement", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.term) },
      { ALT: () => this.SUBRULE(this.joiner) },
      { ALT: () => this.CONSUME(T.Stray) },
    ]);
  });

  private readonly joiner = this.RULE("joiner", () => {
    this.OR([{ ALT: () => this.CONSUME(T.And) }, { ALT: () => this.CONSUME(T.Or) }]);
  });

  private readonly term = this.RULE("term", () => {
    this.OR([
      {
        ALT: () => {
          this.SUBRULE(this.subject);
          this.OPTION(() => this.SUBRULE(this.predicate));
        },
      },
      { ALT: () => this.SUBRULE2(this.predicate) },
    ]);
  });

  private readonly subject = this.RULE("subject", () => {
    this.CONSUME(T.NameStart);
    this.MANY(() => {
      this.CONSUME(T.Dot);
      this.OPTION(() => this.CONSUME2(T.NameStart));
    });
  });

  private readonly predicate = this.RULE("predicate", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.comparison) },
      { ALT: () => this.SUBRULE(this.notTail) },
      { ALT: () => this.SUBRULE(this.inTail) },
      { ALT: () => this.SUBRULE(this.likeTail) },
      { ALT: () => this.SUBRULE(this.isTail) },
      { ALT: () => this.SUBRULE(this.scopeTail) },
    ]);
  });

  private readonly comparison = this.RULE("comparison", () => {
    this.CONSUME(T.Comparator);
    this.OPTION(() => this.SUBRULE(this.value));
  });

  private readonly notTail = this.RULE("notTail", () => {
    this.CONSUME(T.Not);
    this.OPTION(() => {
      this.OR([{ ALT: () => this.SUBRULE(this.inTail) }, { ALT: () => this.SUBRULE(this.likeTail) }]);
    });
  });

  private readonly inTail = this.RULE("inTail", () => {
    this.CONSUME(T.In);
    this.OPTION(() => this.SUBRULE(this.inList));
  });

  private readonly inList = this.RULE("inList", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.TemplateVariable) },
      {
        ALT: () => {
          this.OR2([{ ALT: () => this.CONSUME(T.LBracket) }, { ALT: () => this.CONSUME(T.LParen) }]);
          this.MANY(() => {
            this.OR3([{ ALT: () => this.SUBRULE(this.value) }, { ALT: () => this.CONSUME(T.Comma) }]);
          });
          this.OPTION(() => {
            this.OR4([{ ALT: () => this.CONSUME(T.RBracket) }, { ALT: () => this.CONSUME(T.RParen) }]);
          });
        },
      },
    ]);
  });

  private readonly likeTail = this.RULE("likeTail", () => {
    this.CONSUME(T.Like);
    this.OPTION(() => this.SUBRULE(this.value));
  });

  private readonly isTail = this.RULE("isTail", () => {
    this.CONSUME(T.Is);
    this.OPTION(() => this.CONSUME(T.Not));
    this.OPTION2(() => this.CONSUME(T.Null));
  });

  private readonly scopeTail = this.RULE("scopeTail", () => {
    this.CONSUME(T.LBrace);
    this.SUBRULE(this.scopedClause);
    this.OPTION(() => this.CONSUME(T.RBrace));
  });

  private readonly value = this.RULE("value", () => {
    this.CONSUME(T.ValueToken);
  });
}

let parser: WhereParser | undefined;

/** The one where parser, built on first use and reused: building it is the costly part. */
export function whereParser(): WhereParser {
  parser ??= new WhereParser();
  return parser;
}

/** Parses a token list; the CST and any parser errors (expected none: the grammar is total). */
export function parseWhereTokens(tokens: IToken[]): { cst: CstNode; errors: IRecognitionException[] } {
  const p = whereParser();
  p.input = tokens;
  const cst = p.whereClause();
  return { cst, errors: p.errors };
}
