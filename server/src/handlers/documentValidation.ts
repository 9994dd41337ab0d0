/**
 * When and for which version diagnostics are computed and published. An open validates at
 * once, and may publish early what the top of the file decides alone (only before anything
 * else was published for it: an early set never replaces a complete one, so it cannot hide a
 * real error). An edit that is cheap to validate (typing inside a request) is validated at
 * the next turn of the event loop; an expensive one waits for a quiet period (debounce). A
 * newer edit or a close cancels a validation still pending or running, whose answer would be
 * stale; each version's complete set is published once.
 */
import { CancellationTokenSource, type CancellationToken, type Diagnostic } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { Debouncer } from "./debouncer";

export interface ValidationHost {
  document(uri: string): TextDocument | undefined;
  /**
   * Undefined when cancelled; never throws (failures are answered with `[]` by the host).
   * `early`, when given, may be called once with part of the answer: diagnostics that are all
   * in the complete set.
   */
  compute(document: TextDocument, token: CancellationToken, early?: (diagnostics: Diagnostic[]) => void): Promise<Diagnostic[] | undefined>;
  /** Whether validating this version costs a few milliseconds at most (no debounce then). */
  cheap(document: TextDocument): boolean;
  publish(uri: string, version: number, diagnostics: Diagnostic[]): void;
}

export class DocumentValidation {
  private readonly debouncer: Debouncer;
  /** The version last published per URI. */
  private readonly published = new Map<string, number>();
  /** URIs with anything published since they were opened. */
  private readonly shown = new Set<string>();
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
    this.debouncer.schedule(uri, () => void this.run(uri), this.host.cheap(document) ? 0 : undefined);
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
    this.shown.delete(uri);
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
      const early = this.shown.has(uri)
        ? undefined
        : (diagnostics: Diagnostic[]) => {
            if (source.token.isCancellationRequested || this.shown.has(uri)) return;
            this.shown.add(uri);
            this.host.publish(uri, version, diagnostics);
          };
      const diagnostics = await this.host.compute(document, source.token, early);
      if (!diagnostics || source.token.isCancellationRequested) return;
      this.published.set(uri, version);
      this.shown.add(uri);
      this.host.publish(uri, version, diagnostics);
    } finally {
      if (this.running.get(uri)?.source === source) this.running.delete(uri);
      source.dispose();
    }
  }
}
