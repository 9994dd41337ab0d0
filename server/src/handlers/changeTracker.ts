/**
 * Where the text of each open document changed since a version, taken from the editor's
 * incremental change events as `TextDocuments` applies them. The parse cache hands the region
 * to the incremental parser (no comparing of two large texts) and the scheduler estimates from
 * it what an edit will cost.
 */
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { ChangedRegion } from "../language/maximo/api";

interface Tracked {
  /** The version the region is relative to. */
  base: number;
  /** Offsets in the current text; start > end while nothing changed; undefined after a whole-text change. */
  region: ChangedRegion | undefined;
}

export class ChangeTracker {
  private readonly tracked = new Map<string, Tracked>();

  /** What `TextDocuments` is built with: the standard documents, changes recorded on the way. */
  readonly configuration: TextDocumentsConfiguration<TextDocument> = {
    create: (uri, languageId, version, content) => {
      this.rebase(uri, version);
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (document, changes, version) => {
      for (const change of changes) {
        this.record(document, change);
        // One at a time: each change's range is in the text the previous one left.
        TextDocument.update(document, [change], version);
      }
      return document;
    },
  };

  /** From now on, changes count from `version` (the current text was just parsed). */
  rebase(uri: string, version: number): void {
    this.tracked.set(uri, { base: version, region: { start: Number.MAX_SAFE_INTEGER, end: -1 } });
  }

  /** The region changed since `version`, if known (undefined: compare the texts). */
  since(uri: string, version: number): ChangedRegion | undefined {
    const tracked = this.tracked.get(uri);
    if (!tracked || tracked.base !== version || !tracked.region) return undefined;
    const { start, end } = tracked.region;
    return start > end ? { start: 0, end: 0 } : { start, end };
  }

  forget(uri: string): void {
    this.tracked.delete(uri);
  }

  private record(document: TextDocument, change: TextDocumentContentChangeEvent): void {
    const tracked = this.tracked.get(document.uri);
    if (!tracked || !tracked.region) return;
    if (!("range" in change)) {
      tracked.region = undefined;
      return;
    }
    const start = document.offsetAt(change.range.start);
    const end = document.offsetAt(change.range.end);
    const { region } = tracked;
    // Outside [region.start, region.end) the text equals the base version's; the change keeps
    // that true before min(start) and after max(end), shifted by what it inserted.
    const shift = change.text.length - (end - start);
    const changedEnd = Math.max(region.end, end) + shift;
    region.start = Math.min(region.start, start);
    region.end = Math.max(changedEnd, region.start);
  }
}
