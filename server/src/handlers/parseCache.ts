import type { TextDocument } from "vscode-languageserver-textdocument";

/**
 * One parse per document version, shared by every feature. A new version is parsed from the
 * previous one (`reparse`) so an incremental parser can reuse what did not change.
 */
export class ParseCache<T> {
  private readonly entries = new Map<string, { version: number; value: T }>();

  constructor(
    private readonly parse: (text: string) => T,
    private readonly reparse: (previous: T, text: string) => T,
  ) {}

  get(document: TextDocument): T {
    const entry = this.entries.get(document.uri);
    if (entry && entry.version === document.version) return entry.value;
    const text = document.getText();
    const value = entry ? this.reparse(entry.value, text) : this.parse(text);
    this.entries.set(document.uri, { version: document.version, value });
    return value;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
