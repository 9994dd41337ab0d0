/** Checks that need only one line: the request line and header lines. */
import type { SyntaxDiagnostic } from "../common";
import type { HeaderNode, RequestNode } from "./ast";
import { diagnostic } from "./diagnosticCodes";
import { COMMON_METHODS, KNOWN_METHODS, requestNotSent } from "./httpMethods";

/** What a line in the header section that is not `Name: value` probably is, and what to write. */
export function malformedHeaderMessage(line: string, afterHeader: boolean, indented = false): string {
  const first = line.charAt(0);
  if (looksLikeRequestLine(line)) {
    return "This line is read as a header of the request above and it is not `Name: value`. To start another request, write its method in upper case or put a `###` line before it.";
  }
  if (first === "{" || first === "[" || first === "<" || first === '"') {
    return "This line is read as a header and it is not `Name: value`. Put a blank line between the headers and the body.";
  }
  if ((first === "?" || first === "&") && afterHeader) {
    return "Query continuation lines (`?`/`&`) must come directly after the request line, before the headers. Move this line up.";
  }
  if (first === "/" && afterHeader) {
    return "A `/path` line continues the URL only directly after the request line, before the headers. Move this line up.";
  }
  if (first === ">" && /^>[ \t]+\S/.test(line)) {
    // `> path` names a response handler script; saving the response is `>>` (JetBrains, httpyac).
    return `\`>\` runs a response handler script (\`> handler.js\` or \`> {% ... %}\`). To save the response to a file, write \`>${line}\`.`;
  }
  if (isIndentedQueryLine(line, afterHeader, indented)) {
    return `An indented \`${line}\` continues a query only after a \`?\`, and this URL has none: nothing sends it as a parameter (httpyac would send it as the body). Start the line with \`?\` (\`?${line.replace(/&$/, "")}\`).`;
  }
  return "A header is written `Name: value`; this line has no `:`. Put a blank line before a body, or `#` before a comment.";
}

/** The note on an indented query line that is sent as more of the query (lineReaders.ts). */
export function indentedQueryMessage(line: string): string {
  const param = line.replace(/^[?&]+/, "").replace(/&$/, "");
  return `Sent as more of the query, as JetBrains' HTTP Client reads an indented line after \`?\`. httpyac would send it as the body and REST Client as a header: start it with \`&\` (\`&${param}\`) for those tools too.`;
}

/**
 * `    page=1&` under the request line: after a `?`, JetBrains' HTTP Client reads it as more of the
 * query and so does the reader here (lineReaders.ts); httpyac sends it as the body, REST Client
 * as a bad header. Under a URL without a query nothing sends it as a parameter, so the server
 * answers without it: misread, not rejected.
 */
export function isIndentedQueryLine(line: string, afterHeader: boolean, indented: boolean): boolean {
  return indented && !afterHeader && /^[^\s=&:]+=[^\s]*$/.test(line);
}

const HTTP_VERSION = /^HTTP\/(1\.0|1\.1|2|2\.0|3|3\.0)$/;

export function checkRequestLine(request: RequestNode, hasQuery: boolean, out: SyntaxDiagnostic[]): void {
  const method = request.method;
  const notSent = requestNotSent(request);
  if (notSent) out.push(diagnostic("maximo.request-not-run", notSent.at, notSent.reason));
  if (method) {
    const upper = method.text.toUpperCase();
    if (!notSent && !KNOWN_METHODS.has(upper)) {
      out.push(
        diagnostic(
          "maximo.unknown-method",
          method,
          `\`${method.text}\` is not an HTTP method. Start the request line with ${COMMON_METHODS.join(", ")} (or write only the URL for GET).`,
        ),
      );
    } else if (!notSent && upper !== method.text) {
      // REST Client and the runner here send it upper-cased; httpyac's method pattern is upper case only, so it reads the whole line as a URL.
      out.push(diagnostic("maximo.method-case", method, `Write the method in upper case: \`${upper}\`. REST Client and Maximo Workbench send it upper-cased, but httpyac reads a lower-case line as a URL and sends a GET.`));
    }
    if (request.url.path.text.length === 0 && !hasQuery) {
      out.push(diagnostic("maximo.missing-url", method, `\`${method.text}\` has no URL: write it after the method, e.g. \`${upper} os/mxapiasset\`.`));
    }
  }
  const version = request.httpVersion;
  if (version && !HTTP_VERSION.test(version.text)) {
    out.push(
      diagnostic("maximo.http-version-invalid", version, `\`${version.text}\` is not an HTTP version: write HTTP/1.1 (or HTTP/1.0, HTTP/2, HTTP/3), or leave it out.`),
    );
  }
}

/** RFC 9110 token characters. */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export function checkHeaderName(header: HeaderNode, out: SyntaxDiagnostic[]): void {
  const name = header.name.text;
  if (HEADER_NAME.test(name)) return;
  // A name built from a variable (`{{authHeader}}: x`) is checked when it is resolved.
  if (name.includes("{{") && HEADER_NAME.test(name.replace(/\{\{(?:[^}]|\}(?!\}))*\}\}/g, "x"))) return;
  let message: string;
  if (name.length === 0) {
    message = "This header has no name: write `Name: value`.";
  } else if (looksLikeRequestLine(name)) {
    message = "This line is read as a header of the request above. To start another request, put a `###` line before it.";
  } else if (/^[{["]/.test(name)) {
    message = "This line is read as a header. Put a blank line between the headers and the body.";
  } else if (/[ \t]/.test(name)) {
    message = `\`${name}\` is not a header name: header names have no spaces (e.g. \`Content-Type\`).`;
  } else {
    message = `\`${name}\` is not a header name: use letters, digits and \`-\` (e.g. \`x-method-override\`).`;
  }
  out.push(diagnostic("maximo.header-name-invalid", name.length > 0 ? header.name : header.colon, message));
}

function looksLikeRequestLine(line: string): boolean {
  const match = /^([A-Za-z]+)[ \t]+\S/.exec(line);
  return match !== null && KNOWN_METHODS.has(match[1]!.toUpperCase());
}
