/**
 * Grammar of one request block (from a `###` line to the next), with embedded actions that
 * build the block's tree as the tokens are consumed: each line token goes, in source order, to
 * its reader (`lineReaders.ts`, `blockReaders.ts`). No CST is built; further checks live in
 * `blockValidator.ts`.
 *
 *   block       := SeparatorLine? lineItem* request?
 *   lineItem    := BlankLine | CommentLine | DirectiveLine | VariableLine | HttpyacLine
 *                | HandlerLine | ImportLine | RunLine | script
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
 * per line would cost a rule call per line, and the lexer modes already fix which lines can
 * stand where.
 *
 * Each OR's list of alternatives is built once and kept (`??=`), as chevrotain's performance
 * guide advises: a fresh list per line would allocate a dozen objects for every line parsed.
 * So the alternatives' closures must not use a rule's local variables (they would keep the
 * first call's); they read and write the build state (`this.s`) instead.
 *
 * Actions run only outside chevrotain's recording phase (`performSelfAnalysis` runs every rule
 * once with placeholder tokens to record the grammar): `act` and the `RECORDING_PHASE` checks.
 */
import type { IOrAlt, IRecognitionException, IToken } from "chevrotain";
import { EmbeddedActionsParser } from "chevrotain";
import {
  closeContinuation,
  openContinuation,
  openRequest,
  readContinuationParam,
  readContinuationVersion,
  readPathContinuation,
  readResponse,
  readScript,
  readSeparator,
} from "./blockReaders";
import type { BuildState, RequestLineTokens } from "./buildState";
import { readImportLine, readRunLine } from "./fileCommands";
import { readBlockComment, readComment, readDirectiveLine, readHeader, readMalformedHeader, readToolLine, readVariable } from "./lineReaders";
import * as T from "./tokens";

type Alternatives = IOrAlt<unknown>[];
type Reader = (token: IToken, s: BuildState) => void;

export class BlockParser extends EmbeddedActionsParser {
  /** The block being built (set by `parseBlock`). */
  private s!: BuildState;

  private preambleLines?: Alternatives;
  private headLines?: Alternatives;
  private methodOrPath?: Alternatives;
  private pathParts?: Alternatives;
  private requestTargets?: Alternatives;
  private queryParts?: Alternatives;
  private continuationParts?: Alternatives;
  private bodyStarts?: Alternatives;
  private bodyLines?: Alternatives;
  private responseLines?: Alternatives;

  /** `validate`: check the grammar as it is built (tests do; at run time it only costs start-up time). */
  constructor(validate = false) {
    super(T.allTokenTypes, {
      skipValidations: !validate,
      recoveryEnabled: true,
      maxLookahead: 1,
    });
    this.performSelfAnalysis();
  }

  /** Parses the tokens of one block into `s`; returns the parser's errors (none expected). */
  parseBlock(tokens: IToken[], s: BuildState): IRecognitionException[] {
    this.s = s;
    this.input = tokens;
    this.block();
    this.s = undefined as unknown as BuildState; // keep no block alive between parses
    return this.errors;
  }

  /** Hands `token` to `read` (not while the grammar is being recorded). */
  private act(read: Reader, token: IToken): void {
    if (!this.RECORDING_PHASE) read(token, this.s);
  }

  /** A line that is not sent inside a body: read it, and note where it stands for the body text. */
  private actInBody(read: Reader, token: IToken): void {
    if (this.RECORDING_PHASE) return;
    read(token, this.s);
    (this.s.body!.skipped ??= []).push(token.startOffset);
  }

  /** A body line kept for the body (text, file and blank lines). */
  private bodyLine(token: IToken): void {
    if (!this.RECORDING_PHASE) this.s.body!.lines.push(token);
  }

  /** The request line being read. */
  private line(): RequestLineTokens {
    return this.s.line!;
  }

  private readonly block = this.RULE("block", () => {
    this.OPTION(() => this.act(readSeparator, this.CONSUME(T.SeparatorLine)));
    this.MANY(() => {
      this.OR(
        (this.preambleLines ??= [
          { ALT: () => this.CONSUME(T.BlankLine) },
          { ALT: () => this.act(readComment, this.CONSUME(T.CommentLine)) },
          { ALT: () => this.act(readBlockComment, this.CONSUME(T.BlockCommentLine)) },
          { ALT: () => this.act(readDirectiveLine, this.CONSUME(T.DirectiveLine)) },
          { ALT: () => this.act(readVariable, this.CONSUME(T.VariableLine)) },
          { ALT: () => this.act(readToolLine, this.CONSUME(T.HttpyacLine)) },
          { ALT: () => this.act(readToolLine, this.CONSUME(T.HandlerLine)) },
          { ALT: () => this.act(readToolLine, this.CONSUME(T.GqlFragment)) },
          { ALT: () => this.act(readToolLine, this.CONSUME(T.ProtoImport)) },
          { ALT: () => this.act(readImportLine, this.CONSUME(T.ImportLine)) },
          { ALT: () => this.act(readRunLine, this.CONSUME(T.RunLine)) },
          { ALT: () => this.SUBRULE(this.script) },
        ]),
      );
    });
    this.OPTION2(() => this.SUBRULE(this.request));
  });

  private readonly request = this.RULE("request", () => {
    this.SUBRULE(this.requestLine);
    if (!this.RECORDING_PHASE) openRequest(this.s);
    this.MANY(() => {
      this.OR(
        (this.headLines ??= [
          { ALT: () => this.SUBRULE(this.continuation) },
          { ALT: () => this.act(readPathContinuation, this.CONSUME(T.PathContinuationLine)) },
          { ALT: () => this.act(readHeader, this.CONSUME(T.HeaderLine)) },
          { ALT: () => this.act(readMalformedHeader, this.CONSUME(T.MalformedHeaderLine)) },
          { ALT: () => this.act(readComment, this.CONSUME(T.CommentLine)) },
          { ALT: () => this.act(readDirectiveLine, this.CONSUME(T.DirectiveLine)) },
          { ALT: () => this.act(readToolLine, this.CONSUME(T.HttpyacLine)) },
          { ALT: () => this.act(readToolLine, this.CONSUME(T.HandlerLine)) },
          { ALT: () => this.SUBRULE(this.script) },
        ]),
      );
    });
    this.OPTION(() => this.SUBRULE(this.body));
    this.OPTION2(() => this.SUBRULE(this.response));
  });

  // A stored response: read as a span, nothing of it is sent.
  private readonly response = this.RULE("response", () => {
    this.act(readResponse, this.CONSUME(T.ResponseStart));
    this.MANY(() => {
      this.OR(
        (this.responseLines ??= [
          { ALT: () => this.act(readResponse, this.CONSUME(T.ResponseLine)) },
          { ALT: () => this.CONSUME(T.BlankLine) },
          { ALT: () => this.act(readComment, this.CONSUME(T.CommentLine)) },
          { ALT: () => this.act(readBlockComment, this.CONSUME(T.BlockCommentLine)) },
          { ALT: () => this.act(readDirectiveLine, this.CONSUME(T.DirectiveLine)) },
          { ALT: () => this.act(readVariable, this.CONSUME(T.VariableLine)) },
          { ALT: () => this.act(readToolLine, this.CONSUME(T.HttpyacLine)) },
          { ALT: () => this.act(readToolLine, this.CONSUME(T.HandlerLine)) },
          { ALT: () => this.SUBRULE(this.script) },
        ]),
      );
    });
  });

  // The request line's tokens are gathered in `s.line` and read by `openRequest` (also when the
  // parser leaves the line halfway).
  private readonly requestLine = this.RULE("requestLine", () => {
    if (!this.RECORDING_PHASE) this.s.line = { params: [] };
    this.OPTION(() => {
      const indent = this.CONSUME(T.Indent);
      if (!this.RECORDING_PHASE) this.line().indent = indent;
    });
    this.OR(
      (this.requestTargets ??= [
        {
          ALT: () => {
            this.OR2(
              (this.methodOrPath ??= [
                {
                  ALT: () => {
                    const method = this.CONSUME(T.Method);
                    if (!this.RECORDING_PHASE) this.line().method = method;
                  },
                },
                { ALT: () => this.pathText(this.CONSUME(T.PathText)) },
              ]),
            );
            this.MANY(() => {
              this.OR3((this.pathParts ??= [{ ALT: () => this.pathText(this.CONSUME2(T.PathText)) }, { ALT: () => this.CONSUME(T.Ws) }]));
            });
            this.OPTION2(() => this.SUBRULE(this.query));
          },
        },
        { ALT: () => this.SUBRULE2(this.query) },
      ]),
    );
    this.OPTION3(() => {
      const version = this.CONSUME(T.HttpVersion);
      if (!this.RECORDING_PHASE) this.line().version = version;
    });
    this.OPTION4(() => {
      const lineEnd = this.CONSUME(T.LineEnd);
      if (!this.RECORDING_PHASE) this.line().lineEnd = lineEnd;
    });
  });

  private pathText(token: IToken): void {
    if (this.RECORDING_PHASE) return;
    const line = this.line();
    line.firstPath ??= token;
    line.lastPath = token;
  }

  private readonly query = this.RULE("query", () => {
    const question = this.CONSUME(T.Question);
    if (!this.RECORDING_PHASE) this.line().question = question;
    this.MANY(() => {
      this.OR(
        (this.queryParts ??= [
          {
            ALT: () => {
              const param = this.CONSUME(T.QueryParam);
              if (!this.RECORDING_PHASE) this.line().params.push(param);
            },
          },
          { ALT: () => this.CONSUME(T.Amp) },
          { ALT: () => this.CONSUME(T.Ws) },
        ]),
      );
    });
  });

  private readonly continuation = this.RULE("continuation", () => {
    this.act(openContinuation, this.CONSUME(T.ContinuationStart));
    this.MANY(() => {
      this.OR(
        (this.continuationParts ??= [
          { ALT: () => this.act(readContinuationParam, this.CONSUME(T.QueryParam)) },
          { ALT: () => this.CONSUME(T.Amp) },
          { ALT: () => this.CONSUME(T.Ws) },
        ]),
      );
    });
    this.OPTION(() => this.act(readContinuationVersion, this.CONSUME(T.HttpVersion)));
    let lineEnd: IToken | undefined;
    this.OPTION2(() => {
      lineEnd = this.CONSUME(T.LineEnd);
    });
    if (!this.RECORDING_PHASE) closeContinuation(lineEnd, this.s);
  });

  // The body's lines are gathered in `s.body` and read once the request is complete.
  private readonly body = this.RULE("body", () => {
    if (!this.RECORDING_PHASE) this.s.body = { lines: [], script: false };
    this.OR2(
      (this.bodyStarts ??= [
        { ALT: () => this.CONSUME(T.BlankToBody) },
        { ALT: () => this.bodyLine(this.CONSUME(T.BodyStartLine)) },
        { ALT: () => this.bodyLine(this.CONSUME(T.FileRefStart)) },
        { ALT: () => this.bodyLine(this.CONSUME(T.BodyStartText)) },
        { ALT: () => this.actInBody(readBlockComment, this.CONSUME(T.BlockCommentToBody)) },
      ]),
    );
    this.MANY(() => {
      this.OR(
        (this.bodyLines ??= [
          { ALT: () => this.bodyLine(this.CONSUME(T.BodyLine)) },
          { ALT: () => this.bodyLine(this.CONSUME(T.BlankLine)) },
          { ALT: () => this.bodyLine(this.CONSUME(T.FileRefLine)) },
          { ALT: () => this.actInBody(readVariable, this.CONSUME(T.VariableLine)) },
          { ALT: () => this.actInBody(readComment, this.CONSUME(T.CommentLine)) },
          { ALT: () => this.actInBody(readBlockComment, this.CONSUME(T.BlockCommentLine)) },
          { ALT: () => this.actInBody(readDirectiveLine, this.CONSUME(T.DirectiveLine)) },
          { ALT: () => this.actInBody(readToolLine, this.CONSUME(T.HttpyacLine)) },
          { ALT: () => this.actInBody(readToolLine, this.CONSUME(T.HandlerLine)) },
          {
            ALT: () => {
              this.SUBRULE(this.script);
              if (!this.RECORDING_PHASE) this.s.body!.script = true;
            },
          },
        ]),
      );
    });
  });

  private readonly script = this.RULE("script", () => {
    const open = this.CONSUME(T.ScriptOpen);
    let last = open;
    this.MANY(() => {
      last = this.CONSUME(T.ScriptLine);
    });
    let close: IToken | undefined;
    this.OPTION(() => {
      close = this.CONSUME(T.ScriptClose);
    });
    if (!this.RECORDING_PHASE) readScript(open, last, close, this.s);
  });
}

let instance: BlockParser | undefined;

/**
 * The one parser instance: `parseBlock` resets it for each block. Built on first use: a check
 * answered wholly from its cache never needs the grammar.
 */
export function blockParser(): BlockParser {
  return (instance ??= new BlockParser());
}
