/**
 * The `maximo.*` diagnostics of the request file: one stable code per rule, each with one
 * severity. Error: the text cannot be sent as meant. Warning: it can, but is likely misread.
 * Information: httpyac or REST Client syntax that is read correctly but not run here.
 *
 * Adding a diagnostic: add an entry here, raise it with `diagnostic(code, span, message)` from
 * the builder or a validator, and add a fixture case in test/fixtures/maximo.
 */
import type { Severity, Span, SyntaxDiagnostic } from "../common";

export const MAXIMO_DIAGNOSTICS = {
  "maximo.syntax": { severity: "error", summary: "A character the request syntax cannot place: in practice an invisible one (a byte-order mark, a zero-width space) pasted in." },
  "maximo.unknown-method": { severity: "error", summary: "The request line starts with a word that is not an HTTP method." },
  "maximo.method-case": { severity: "warning", summary: "The method is not written in upper case: sent upper-cased here and by REST Client, read as a URL by httpyac." },
  "maximo.missing-url": { severity: "error", summary: "The request line has a method but no URL." },
  "maximo.http-version-invalid": { severity: "error", summary: "The version after the URL is not HTTP/1.0, 1.1, 2 or 3." },
  "maximo.header-malformed": { severity: "error", summary: "A line in the header section is not `Name: value`." },
  "maximo.query-line-indented": { severity: "warning", summary: "An indented `page=1&` line under a URL with no query: not sent, so the server answers without that parameter." },
  "maximo.url-line-late": { severity: "information", summary: "httpyac's `?`/`&` or `/path` line among the headers: appended to the URL here and by httpyac; REST Client and JetBrains read it only right after the request line." },
  "maximo.query-line-joined": { severity: "information", summary: "JetBrains' indented query line (`    page=1&` after a `?`): sent as more of the query; httpyac and REST Client read it otherwise." },
  "maximo.header-name-invalid": { severity: "error", summary: "A header name holds characters a header name cannot have." },
  "maximo.expression-unterminated": { severity: "error", summary: "A `{{` has no closing `}}` on its line." },
  "maximo.expression-empty": { severity: "error", summary: "`{{}}` names nothing." },
  "maximo.unknown-system-variable": { severity: "error", summary: "`{{$name}}` is not a system variable the runner knows." },
  "maximo.system-variable-arguments": { severity: "error", summary: "A system variable has wrong arguments (`$randomInt`, `$datetime`, ...)." },
  "maximo.system-variable-range": { severity: "warning", summary: "`$randomInt` with its minimum not below its maximum: swapped here and by httpyac, left unfilled by REST Client." },
  "maximo.variable-malformed": { severity: "error", summary: "An `@` line is not `@name = value`." },
  "maximo.name-invalid": { severity: "warning", summary: "`@name` is missing its name or the name cannot be used in `{{name.response...}}`." },
  "maximo.name-spaces": { severity: "information", summary: "A request name of several words: JetBrains' and httpyac's, but REST Client ignores it and `{{name.response...}}` cannot use it." },
  "maximo.name-duplicate": { severity: "warning", summary: "Two requests carry the same `@name` and the file reads it; references reach only the last one run." },
  "maximo.name-reused": { severity: "information", summary: "Two requests carry the same `@name`, which nothing in the file reads (JetBrains numbers repeated names)." },
  "maximo.timeout-invalid": { severity: "error", summary: "`@timeout` needs a duration such as 30s, 500ms or 2m." },
  "maximo.connection-missing-name": { severity: "error", summary: "`@connection` needs the name of a connection." },
  "maximo.expect-missing": { severity: "error", summary: "`@expect` has no expectation." },
  "maximo.expect-invalid": { severity: "error", summary: "`@expect` is not `status ...`, `header NAME ...`, `body... OP VALUE` or `duration OP VALUE`." },
  "maximo.verify-not-update": { severity: "information", summary: "`@verify` on a request that is not a single-record update: nothing is verified." },
  "maximo.directive-unexpected-argument": { severity: "warning", summary: "A directive that takes no argument has one (it is ignored)." },
  "maximo.json-invalid": { severity: "error", summary: "A JSON body is not valid JSON (`{{...}}` placeholders are allowed)." },
  "maximo.file-ref-missing-path": { severity: "error", summary: "A `<` body line names no file." },
  "maximo.script-unterminated": { severity: "error", summary: "A script block (`{{` or `> {%`) is not closed before the next request." },
  "maximo.run-malformed": { severity: "error", summary: "A JetBrains `run` line names nothing, has `#` without a name, an unclosed `(` or an override that is not `@name=value`." },
  "maximo.import-malformed": { severity: "error", summary: "A JetBrains `import` line names no file." },
  "maximo.comment-unterminated": { severity: "error", summary: "A `/*` block comment has no `*/` line: the rest of the file is comment." },
  // httpyac and REST Client features that are read but not run: said, not flagged as wrong.
  "maximo.script-not-run": { severity: "information", summary: "An httpyac script block or a response handler: Maximo Workbench does not run scripts." },
  "maximo.assertion-not-run": { severity: "information", summary: "An httpyac `??` assertion: Maximo Workbench checks `# @expect` lines instead." },
  "maximo.output-not-written": { severity: "information", summary: "An httpyac `>>` / `<>` line: Maximo Workbench does not write or compare response files." },
  "maximo.directive-not-run": { severity: "information", summary: "An httpyac directive Maximo Workbench does not act on (`@ref`, `@import`, `@loop`, ...)." },
  "maximo.request-not-run": { severity: "information", summary: "A REST Client cURL command or an httpyac WS/SSE/GRPC/MQTT/AMQP request: read, not sent." },
  "maximo.response-example": { severity: "information", summary: "An `HTTP/1.1 200` line after a request starts an example response (httpyac): neither sent nor compared." },
  "maximo.graphql-not-run": { severity: "information", summary: "An httpyac GraphQL fragment or `gql name < file` line: not added to the query here." },
  "maximo.system-variable-not-run": { severity: "information", summary: "A REST Client or JetBrains sign-in variable (`$aadToken`, `$auth.token`), a JetBrains Faker value (`$random.address.city`) or an httpyac script variable (`$global.x`, a loop's `$index`) Maximo Workbench cannot fill in." },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type MaximoCode = keyof typeof MAXIMO_DIAGNOSTICS;

/** A diagnostic with the severity of its code, over `at` (any node: only its range is kept). */
export function diagnostic(code: MaximoCode, at: Span, message: string): SyntaxDiagnostic {
  return { code, severity: MAXIMO_DIAGNOSTICS[code].severity, message, span: { start: at.start, end: at.end } };
}
