/**
 * When and for which version diagnostics are computed and published. An open validates at
 * once; edits wait for a quiet period (debounce); a newer edit or a close cancels a validation
 * still pending or running, whose answer would be stale; each version is published once.
 */
import { CancellationTokenSource, type CancellationToken, type Diagnostic } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { Debouncer } from "./debouncer";

export interface ValidationHost {
  document(uri: string): TextDocument | undefined;
  /** Undefined when cancelled; never throws (failures are answered with `[]` by the host). */
  compute(document: TextDocument, token: CancellationToken): Promise<Diagnostic[] | undefined>;
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
}

export class DocumentValidation {
  private readonly debouncer: Debouncer;
  /** The version last published per URI. */
  private readonly published = new Map<string, number>();
  private readonly running = new Map<string, { version: number; source: CancellationTokenSource }>();

  constructor(
    private readonly host: ValidationHost,
    debounceMs: number,
  ) {
    this.debouncer = new Debouncer(debounceMs);
  }

  /** Validates the current version now (open, schemas changed). */
  now(uri: string): void {
    this.debouncer.cancel(uri);
    void this.run(uri);
  }

  /** Validates the current version after the quiet period (an edit). */
  later(uri: string): void {
    const document = this.host.document(uri);
    if (!document || this.isCurrent(uri, document.version)) return;
    this.cancelRunning(uri);
    this.debouncer.schedule(uri, () => void this.run(uri));
  }

  /** Everything open again, whatever was published (the schemas changed). */
  revalidate(uris: readonly string[]): void {
    this.published.clear();
    for (const uri of uris) {
      this.cancelRunning(uri);
      this.now(uri);
    }
  }

  /** A closed document: nothing pending, nothing remembered. */
  forget(uri: string): void {
    this.debouncer.cancel(uri);
    this.cancelRunning(uri);
    this.published.delete(uri);
  }

  dispose(): void {
    this.debouncer.dispose();
    for (const uri of [...this.running.keys()]) this.cancelRunning(uri);
  }

  /** Published already, or being computed right now. */
  private isCurrent(uri: string, version: number): boolean {
    return this.published.get(uri) === version || this.running.get(uri)?.version === version;
  }

  private cancelRunning(uri: string): void {
    const running = this.running.get(uri);
    if (!running) return;
    running.source.cancel();
    this.running.delete(uri);
  }

  private async run(uri: string): Promise<void> {
    const document = this.host.document(uri);
    if (!document || this.isCurrent(uri, document.version)) return;
    const version = document.version;
    const source = new CancellationTokenSource();
    this.running.set(uri, { version, source });
    try {
      const diagnostics = await this.host.compute(document, source.token);
      if (!diagnostics || source.token.isCancellationRequested) return;
      this.published.set(uri, version);
      this.host.publish(uri, version, diagnostics);
    } finally {
      if (this.running.get(uri)?.source === source) this.running.delete(uri);
      source.dispose();
    }
  }
}
