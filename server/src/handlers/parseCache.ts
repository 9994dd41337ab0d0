import type { TextDocument } from "vscode-languageserver-textdocument";
import type { ChangedRegion } from "../language/maximo/api";

/** Where each document changed since a version (see changeTracker.ts). */
export interface ChangeSource {
  since(uri: string, version: number): ChangedRegion | undefined;
  rebase(uri: string, version: number): void;
}

/**
 * One parse per document version, shared by every feature. A new version is parsed from the
 * previous one (`reparse`) so an incremental parser can reuse what did not change; with a
 * `ChangeSource` it is also told where the text changed.
 */
export class ParseCache<T> {
  private readonly entries = new Map<string, { version: number; value: T }>();

  constructor(
    private readonly parse: (text: string) => T,
    private readonly reparse: (previous: T, text: string, changed?: ChangedRegion) => T,
    private readonly changes?: ChangeSource,
  ) {}

  get(document: TextDocument): T {
    const entry = this.entries.get(document.uri);
    if (entry && entry.version === document.version) return entry.value;
    const text = document.getText();
    const value = entry ? this.reparse(entry.value, text, this.changes?.since(document.uri, entry.version)) : this.parse(text);
    this.changes?.rebase(document.uri, document.version);
    this.entries.set(document.uri, { version: document.version, value });
    return value;
  }

  /** The latest parse of `uri`, whatever its version. */
  peek(uri: string): { version: number; value: T } | undefined {
    return this.entries.get(uri);
  }

  /** A parse made elsewhere (in slices) of `version`; an entry of a later version stays. */
  set(uri: string, version: number, value: T): void {
    const entry = this.entries.get(uri);
    if (entry && entry.version >= version) return;
    this.entries.set(uri, { version, value });
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
