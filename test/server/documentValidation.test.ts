// When diagnostics are computed and published (handlers/documentValidation.ts), with a fake host
// and mocked timers: a cheap edit is validated at the next turn, an expensive one after the
// quiet period; an early part of the answer is published only while nothing was published for
// the document, so it never replaces (and hides part of) a complete set.
import { test } from "node:test";
import assert from "node:assert/strict";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Diagnostic } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { DocumentValidation, type ValidationHost } from "../../server/src/handlers/documentValidation";

const uri = "file:///work/scheduled.maximo";

function diagnostic(message: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message };
}

class FakeHost implements ValidationHost {
  version = 1;
  isCheap = true;
  computed: number[] = [];
  published: Array<{ version: number; messages: string[] }> = [];
  /** What `compute` offers as an early part, then answers in full. */
  early: Diagnostic[] | undefined = [diagnostic("top")];
  complete: Diagnostic[] = [diagnostic("top"), diagnostic("bottom")];

  document(): TextDocument {
    return { uri, version: this.version } as TextDocument;
  }
  async compute(document: TextDocument, _token: unknown, early?: (diagnostics: Diagnostic[]) => void): Promise<Diagnostic[]> {
    this.computed.push(document.version);
    if (this.early && early) early(this.early);
    await nextTurn();
    return this.complete;
  }
  cheap(): boolean {
    return this.isCheap;
  }
  publish(_uri: string, version: number, diagnostics: Diagnostic[]): void {
    this.published.push({ version, messages: diagnostics.map((d) => String(d.message)) });
  }
}

/** Lets the async validations that were started finish. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await nextTurn();
}

test("validation: a cheap edit is validated at the next turn, an expensive one after the quiet period", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const host = new FakeHost();
  const validation = new DocumentValidation(host, 150);
  t.after(() => validation.dispose());
  validation.now(uri);
  await settle();
  assert.deepEqual(host.computed, [1]);

  host.version = 2;
  host.isCheap = true;
  validation.later(uri);
  t.mock.timers.tick(0);
  await settle();
  assert.deepEqual(host.computed, [1, 2], "typing inside a request: no debounce");

  host.version = 3;
  host.isCheap = false;
  validation.later(uri);
  t.mock.timers.tick(149);
  await settle();
  assert.deepEqual(host.computed, [1, 2], "an expensive edit waits for a quiet period");
  t.mock.timers.tick(1);
  await settle();
  assert.deepEqual(host.computed, [1, 2, 3]);
  assert.deepEqual(
    host.published.map((p) => p.version),
    [1, 1, 2, 3],
  );
});

test("validation: the early part is published before the complete set, only while nothing was published for the document", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const host = new FakeHost();
  const validation = new DocumentValidation(host, 150);
  t.after(() => validation.dispose());
  validation.now(uri);
  await settle();
  assert.deepEqual(host.published, [
    { version: 1, messages: ["top"] },
    { version: 1, messages: ["top", "bottom"] },
  ]);

  // An edit, then the schemas changed: complete sets only (an early part would hide "bottom").
  host.version = 2;
  validation.later(uri);
  t.mock.timers.tick(0);
  await settle();
  validation.revalidate([uri]);
  await settle();
  assert.deepEqual(host.published.slice(2), [
    { version: 2, messages: ["top", "bottom"] },
    { version: 2, messages: ["top", "bottom"] },
  ]);

  // Closed and opened again: a new document, which may be published early again.
  validation.forget(uri);
  host.version = 1;
  validation.now(uri);
  await settle();
  assert.deepEqual(host.published.slice(4), [
    { version: 1, messages: ["top"] },
    { version: 1, messages: ["top", "bottom"] },
  ]);
});
