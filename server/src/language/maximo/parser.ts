/**
 * Grammar of one request block (from a `###` line to the next). Grammar only: the meaning of
 * each line is built by `blockBuilder.ts`; further checks live in `blockValidator.ts`.
 *
 *   block       := SeparatorLine? lineItem* request?
 *   lineItem    := BlankLine | CommentLine | DirectiveLine | VariableLine | HttpyacLine
 *                | HandlerLine | script
 *   request     := requestLine (continuation | HeaderLine | MalformedHeaderLine | CommentLine
 *                | DirectiveLine | HttpyacLine | HandlerLine | script)* body?
 *   requestLine := Indent? ((Method | PathText) (PathText | Ws)* query? | query) HttpVersion? LineEnd?
 *   query       := Question (QueryParam | Amp | Ws)*
 *   continuation:= ContinuationStart (QueryParam | Amp | Ws)* HttpVersion? LineEnd?
 *   body        := (BlankToBody | BodyStartLine | FileRefStart) (BodyLine | BlankLine | FileRefLine | VariableLine | CommentLine | DirectiveLine
 *                | HttpyacLine | HandlerLine | script)*
 *   script      := ScriptOpen ScriptLine* ScriptClose?
 *
 * Line items are alternatives inside the repetitions rather than rules of their own: a rule
 * per line would cost a CST node per line, and the lexer modes already fix which lines can
 * stand where. The builder reads each kind of line in source order.
 *
 * Each OR's list of alternatives is built once and kept (`??=`), as chevrotain's performance
 * guide advises: a fresh list per line would allocate a dozen objects for every line parsed.
 */
import type { IOrAlt } from "chevrotain";
import { CstParser } from "chevrotain";
import * as T from "./tokens";

type Alternatives = IOrAlt<unknown>[];

export class BlockParser extends CstParser {
  private preambleLines?: Alternatives;
  private headLines?: Alternatives;
  private methodOrPath?: Alternatives;
  private pathParts?: Alternatives;
  private requestTargets?: Alternatives;
  private queryParts?: Alternatives;
  private continuationParts?: Alternatives;
  private bodyStarts?: Alternatives;
  private bodyLines?: Alternatives;

  /** `validate`: check the grammar as it is built (tests do; at run time it only costs start-up time). */
  constructor(validate = false) {
    super(T.allTokenTypes, {
      skipValidations: !validate,
      recoveryEnabled: true,
      // Ranges come from token offsets; CST node locations would only cost time.
      nodeLocationTracking: "none",
      maxLookahead: 1,
    });
    this.performSelfAnalysis();
  }

  public readonly block = this.RULE("block", () => {
    this.OPTION(() => this.CONSUME(T.SeparatorLine));
    this.MANY(() => {
      this.OR(
        (this.preambleLines ??= [
          { ALT: () => this.CONSUME(T.BlankLine) },
          { ALT: () => this.CONSUME(T.CommentLine) },
          { ALT: () => this.CONSUME(T.DirectiveLine) },
          { ALT: () => this.CONSUME(T.VariableLine) },
          { ALT: () => this.CONSUME(T.HttpyacLine) },
          { ALT: () => this.CONSUME(T.HandlerLine) },
          { ALT: () => this.SUBRULE(this.script) },
        ]),
      );
    });
    this.OPTION2(() => this.SUBRULE(this.request));
  });

  private readonly request = this.RULE("request", () => {
    this.SUBRULE(this.requestLine);
    this.MANY(() => {
      this.OR(
        (this.headLines ??= [
          { ALT: () => this.SUBRULE(this.continuation) },
          { ALT: () => this.CONSUME(T.HeaderLine) },
          { ALT: () => this.CONSUME(T.MalformedHeaderLine) },
          { ALT: () => this.CONSUME(T.CommentLine) },
          { ALT: () => this.CONSUME(T.DirectiveLine) },
          { ALT: () => this.CONSUME(T.HttpyacLine) },
          { ALT: () => this.CONSUME(T.HandlerLine) },
          { ALT: () => this.SUBRULE(this.script) },
        ]),
      );
    });
    this.OPTION(() => this.SUBRULE(this.body));
  });

  private readonly requestLine = this.RULE("requestLine", () => {
    this.OPTION(() => this.CONSUME(T.Indent));
    this.OR(
      (this.requestTargets ??= [
        {
          ALT: () => {
            this.OR2((this.methodOrPath ??= [{ ALT: () => this.CONSUME(T.Method) }, { ALT: () => this.CONSUME(T.PathText) }]));
            this.MANY(() => {
              this.OR3((this.pathParts ??= [{ ALT: () => this.CONSUME2(T.PathText) }, { ALT: () => this.CONSUME(T.Ws) }]));
            });
            this.OPTION2(() => this.SUBRULE(this.query));
          },
        },
        { ALT: () => this.SUBRULE2(this.query) },
      ]),
    );
    this.OPTION3(() => this.CONSUME(T.HttpVersion));
    this.OPTION4(() => this.CONSUME(T.LineEnd));
  });

  private readonly query = this.RULE("query", () => {
    this.CONSUME(T.Question);
    this.MANY(() => {
      this.OR(
        (this.queryParts ??= [
          { ALT: () => this.CONSUME(T.QueryParam) },
          { ALT: () => this.CONSUME(T.Amp) },
          { ALT: () => this.CONSUME(T.Ws) },
        ]),
      );
    });
  });

  private readonly continuation = this.RULE("continuation", () => {
    this.CONSUME(T.ContinuationStart);
    this.MANY(() => {
      this.OR(
        (this.continuationParts ??= [
          { ALT: () => this.CONSUME(T.QueryParam) },
          { ALT: () => this.CONSUME(T.Amp) },
          { ALT: () => this.CONSUME(T.Ws) },
        ]),
      );
    });
    this.OPTION(() => this.CONSUME(T.HttpVersion));
    this.OPTION2(() => this.CONSUME(T.LineEnd));
  });

  private readonly body = this.RULE("body", () => {
    this.OR2(
      (this.bodyStarts ??= [
        { ALT: () => this.CONSUME(T.BlankToBody) },
        { ALT: () => this.CONSUME(T.BodyStartLine) },
        { ALT: () => this.CONSUME(T.FileRefStart) },
      ]),
    );
    this.MANY(() => {
      this.OR(
        (this.bodyLines ??= [
          { ALT: () => this.CONSUME(T.BodyLine) },
          { ALT: () => this.CONSUME(T.BlankLine) },
          { ALT: () => this.CONSUME(T.FileRefLine) },
          { ALT: () => this.CONSUME(T.VariableLine) },
          { ALT: () => this.CONSUME(T.CommentLine) },
          { ALT: () => this.CONSUME(T.DirectiveLine) },
          { ALT: () => this.CONSUME(T.HttpyacLine) },
          { ALT: () => this.CONSUME(T.HandlerLine) },
          { ALT: () => this.SUBRULE(this.script) },
        ]),
      );
    });
  });

  private readonly script = this.RULE("script", () => {
    this.CONSUME(T.ScriptOpen);
    this.MANY(() => this.CONSUME(T.ScriptLine));
    this.OPTION(() => this.CONSUME(T.ScriptClose));
  });
}

/** The one parser instance: setting `input` resets it for the next block. */
export const blockParser = new BlockParser();
