/** What the client declared at `initialize` that changes how the server answers. */
import type { ClientCapabilities } from "vscode-languageserver";
import type { CompletionAnswerOptions } from "../features/completion";

/** LSP 3.17 completion item defaults: the edit range and `data` sent once per list. */
export function completionOptions(capabilities: ClientCapabilities): CompletionAnswerOptions {
  const defaults = capabilities.textDocument?.completion?.completionList?.itemDefaults ?? [];
  const editRange = defaults.includes("editRange");
  return editRange ? { itemDefaults: { editRange, data: defaults.includes("data") } } : {};
}
