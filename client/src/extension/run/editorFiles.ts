/**
 * The request files a JetBrains `import` / `run` line names, as the editor has them: an open
 * document's current text (saved or not), else the file on disk; each read once per run.
 */
import * as vscode from "vscode";
import { parseDocument, type MaximoDocument } from "../../../../server/src/language/maximo/api";
import { readMaximoFileIfAny } from "../../cli/readMaximoFile";
import type { FileSource } from "../../fileRuns/runPlan";

export class EditorFiles implements FileSource {
  private readonly read = new Map<string, MaximoDocument | undefined>();

  document(path: string): MaximoDocument | undefined {
    if (!this.read.has(path)) this.read.set(path, this.parse(path));
    return this.read.get(path);
  }

  private parse(path: string): MaximoDocument | undefined {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === "file" && d.uri.fsPath === path);
    if (open) return parseDocument(open.getText());
    return readMaximoFileIfAny(path);
  }
}
