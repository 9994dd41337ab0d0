/**
 * CodeLens above each request line: Send, Send all pages (GET only: paging follows
 * `responseInfo.nextPage`, which only reads return) and Copy as curl; above each JetBrains
 * `run` line, Send (it sends the request(s) the line names). The client runs the commands; the
 * server only says where they apply.
 */
import type { CodeLens } from "vscode-languageserver";
import type { MaximoDocument } from "../language/maximo/api";

/** Command ids the lenses carry; the client registers handlers under the same ids. */
export const LensCommand = {
  send: "maximo.send",
  sendAllPages: "maximo.sendAllPages",
  copyAsCurl: "maximo.copyAsCurl",
} as const;

/** The single argument of every lens command: which request (its request line, 0-based). */
export interface RequestLocator {
  uri: string;
  line: number;
}

export function getCodeLenses(document: MaximoDocument, uri: string): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const block of document.blocks) {
    if (!block.tree.runs) continue;
    for (const run of block.node().runs!) {
      const range = document.rangeOf(run);
      lenses.push({ range, command: { title: "Send", command: LensCommand.send, arguments: [{ uri, line: range.start.line }] } });
    }
  }
  for (const { request } of document.requests) {
    const range = document.rangeOf(request.line);
    const args: [RequestLocator] = [{ uri, line: range.start.line }];
    lenses.push({ range, command: { title: "Send", command: LensCommand.send, arguments: args } });
    if (request.methodName === "GET") {
      lenses.push({ range, command: { title: "Send all pages", command: LensCommand.sendAllPages, arguments: args } });
    }
    lenses.push({ range, command: { title: "Copy as curl", command: LensCommand.copyAsCurl, arguments: args } });
  }
  return lenses;
}
