/** The "Maximo" output channel: every line passes through redaction before it is written. */
import * as vscode from "vscode";
import { redact } from "../http/redact";
import type { Log } from "./contracts";

export interface OutputLog extends Log, vscode.Disposable {
  /** Secrets known elsewhere (executors, SecretStorage reads) to mask in every line. */
  addSecretSource(source: () => readonly string[]): void;
}

export function createOutputLog(): OutputLog {
  const channel = vscode.window.createOutputChannel("Maximo", { log: true });
  const sources: Array<() => readonly string[]> = [];
  const clean = (line: string) => redact(line, sources.flatMap((source) => source()));
  return {
    info: (line) => channel.info(clean(line)),
    warn: (line) => channel.warn(clean(line)),
    error: (line) => channel.error(clean(line)),
    show: () => channel.show(true),
    addSecretSource: (source) => void sources.push(source),
    dispose: () => channel.dispose(),
  };
}
