/**
 * `# @verify` reads a single-record update back and compares the values sent (the client's
 * `client/src/verify/`). On any other request it does nothing; say so where it is written.
 * Variables in the method override or the URL are given the benefit of the doubt.
 */
import type { SyntaxDiagnostic } from "../common";
import type { BlockTree, RequestNode } from "./ast";
import { diagnostic } from "./diagnosticCodes";

const UPDATE = /^(PATCH|MERGE)$/i;

export function checkVerifyDirective(tree: BlockTree, out: SyntaxDiagnostic[]): void {
  const directive = tree.directives.find((d) => d.name.text === "verify");
  if (!directive || !tree.request) return;
  const why = notAnUpdate(tree.request);
  if (why) out.push(diagnostic("maximo.verify-not-update", directive, `\`@verify\` reads back a single-record update (POST with \`x-method-override: PATCH\` to a member href); ${why}, so nothing is verified.`));
}

function notAnUpdate(request: RequestNode): string | undefined {
  const override = request.headers.find((h) => h.name.text.toLowerCase() === "x-method-override")?.value.text;
  const method = request.methodName === "POST" && override ? override : request.methodName;
  if (!method.includes("{{") && !UPDATE.test(method)) return `this request is a ${method}`;
  const path = request.url.path.text;
  if (path.includes("{{")) return undefined;
  const match = /(?:^|\/)os\/[^/]+\/(.*)$/i.exec(path);
  if (!match || match[1]!.replace(/\/+$/, "") === "") return `\`${path}\` is not a member href (\`os/NAME/ID\`)`;
  return undefined;
}
