/**
 * Turns the items of one completion context into the LSP answer, small enough to send on every
 * keystroke: a long list (1,000 attributes of a real object structure, the hundreds of object
 * structures in a real apimeta) is filtered by the word being typed and cut to `limit` items
 * with `isIncomplete: true`, so the client asks again as the user types. Clients that speak LSP
 * 3.17 item defaults get the edit range and `data` once per list instead of once per item.
 */
import type { CompletionItem, CompletionList, Range } from "vscode-languageserver";

/** Items of one context; `data` is shared by all of them (what `completionItem/resolve` needs). */
export interface ItemSource {
  items: readonly CompletionItem[];
  data?: unknown;
}

/** What the client declared in `textDocument.completion.completionList.itemDefaults`. */
export interface ItemDefaultsSupport {
  editRange: boolean;
  data: boolean;
}

export interface CompletionAnswerOptions {
  itemDefaults?: ItemDefaultsSupport;
  /** The most items one answer carries; clangd's default (--limit-results) is the model. */
  limit?: number;
}

export const DEFAULT_COMPLETION_LIMIT = 100;

/** `typed` is the text from the start of the replaced word to the cursor. */
export function completionAnswer(source: ItemSource, range: Range, typed: string, options: CompletionAnswerOptions = {}): CompletionList {
  const limit = options.limit ?? DEFAULT_COMPLETION_LIMIT;
  // A short list goes whole: the client's own fuzzy filter knows best.
  const chosen = source.items.length <= limit ? source.items : filterAndCut(source.items, filterWord(typed), limit);
  const isIncomplete = chosen.length < source.items.length;
  const defaults = options.itemDefaults;
  const items = chosen.map((item) => withEdit(item, range, source.data, defaults));
  const list: CompletionList = { isIncomplete, items };
  if (defaults?.editRange) {
    list.itemDefaults = { editRange: range };
    if (defaults.data && source.data !== undefined) list.itemDefaults.data = source.data;
  }
  return list;
}

function withEdit(item: CompletionItem, range: Range, data: unknown, defaults: ItemDefaultsSupport | undefined): CompletionItem {
  const { insertText, ...rest } = item;
  const out: CompletionItem = { ...rest };
  if (defaults?.editRange) {
    // The label is the default text; only items that insert something else say so.
    if (insertText !== undefined && insertText !== item.label) out.textEditText = insertText;
  } else {
    out.textEdit = { range, newText: insertText ?? item.label };
  }
  if (data !== undefined && !(defaults?.editRange && defaults.data)) out.data = data;
  return out;
}

/** The word as the labels spell it: no opening quote of a JSON key, no `spi:` prefix. */
function filterWord(typed: string): string {
  const word = typed.replace(/^"/, "");
  return word.slice(word.lastIndexOf(":") + 1).toLowerCase();
}

/**
 * Items whose label can match what the client will show for `word`, prefix matches first (in
 * list order), then the looser ones, at most `limit`. "Can match" is looser than VS Code's fuzzy
 * match, never stricter: the first character at a word start, the rest in order.
 */
function filterAndCut(items: readonly CompletionItem[], word: string, limit: number): CompletionItem[] {
  if (word === "") return items.slice(0, limit);
  const prefixed: CompletionItem[] = [];
  const loose: CompletionItem[] = [];
  for (const item of items) {
    const label = item.label.toLowerCase();
    if (label.startsWith(word)) {
      prefixed.push(item);
      if (prefixed.length >= limit) break;
    } else if (loose.length < limit && looseMatch(item.label, label, word)) {
      loose.push(item);
    }
  }
  return prefixed.length >= limit ? prefixed : [...prefixed, ...loose.slice(0, limit - prefixed.length)];
}

function looseMatch(label: string, lower: string, word: string): boolean {
  for (let start = lower.indexOf(word[0]!); start >= 0; start = lower.indexOf(word[0]!, start + 1)) {
    if (!isWordStart(label, start)) continue;
    let at = start + 1;
    let matched = 1;
    while (matched < word.length && at < lower.length) {
      if (lower[at] === word[matched]) matched++;
      at++;
    }
    if (matched === word.length) return true;
  }
  return false;
}

/** Start of the label, after a separator (`.`, `_`, `-`), or a capital after a small letter. */
function isWordStart(label: string, index: number): boolean {
  if (index === 0) return true;
  const previous = label[index - 1]!;
  if (!/[A-Za-z0-9]/.test(previous)) return true;
  return /[A-Z]/.test(label[index]!) && /[a-z]/.test(previous);
}
