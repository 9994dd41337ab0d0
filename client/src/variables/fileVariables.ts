/**
 * The `@name = value` lines of a request file. Definitions count by position, like httpyac:
 * a use reads the last definition above it, so a file can redefine `@site` half-way; a name
 * defined only further down still resolves (REST Client lets a file define variables anywhere).
 * A JetBrains `run #name (@user=alice)` sets `overrides`, which win over every line; the files a
 * JetBrains `import` names lend theirs (`imported`) to names this file does not define.
 */
import type { MaximoDocument } from "../../../server/src/language/maximo/api";

export interface FileVariable {
  name: string;
  /** As written, `{{...}}` unresolved. */
  value: string;
  /** Absolute offset of the value. */
  offset: number;
  /** 1-based line. */
  line: number;
}

/** What a JetBrains `run` line and `import` lines add to a file's own variables. */
export interface LentVariables {
  /** `(@name=value)` of the run line, values already filled in: they win over the file's lines. */
  overrides?: ReadonlyMap<string, string>;
  /** The line of the run line (1-based), for messages about an override. */
  overridesLine?: number;
  /** The documents the file imports, in order: their definitions count where the file has none. */
  imported?: readonly MaximoDocument[];
}

export class FileVariables {
  private readonly byName = new Map<string, FileVariable[]>();
  private readonly overrides = new Map<string, FileVariable>();
  private readonly imported = new Map<string, FileVariable>();

  constructor(document: MaximoDocument, lent: LentVariables = {}) {
    // Offsets below 0 stand for no place in this file: each definition gets its own (values are cached by offset).
    let elsewhere = -1;
    for (const other of lent.imported ?? []) {
      for (const block of other.blocks) {
        for (const variable of block.tree.variables) {
          const line = other.positionAt(block.offset + variable.value.start).line + 1;
          this.imported.set(variable.name.text, { name: variable.name.text, value: variable.value.text, offset: elsewhere--, line });
        }
      }
    }
    for (const [name, value] of lent.overrides ?? []) this.overrides.set(name, { name, value, offset: elsewhere--, line: lent.overridesLine ?? 1 });
    for (const block of document.blocks) {
      for (const variable of block.tree.variables) {
        const offset = block.offset + variable.value.start;
        const definition = { name: variable.name.text, value: variable.value.text, offset, line: document.positionAt(offset).line + 1 };
        const list = this.byName.get(definition.name);
        if (list) list.push(definition);
        else this.byName.set(definition.name, [definition]);
      }
    }
  }

  /** The definition a use at `offset` reads: the last one before it, else the first one. */
  pick(name: string, offset: number): FileVariable | undefined {
    const override = this.overrides.get(name);
    if (override) return override;
    const list = this.byName.get(name);
    if (!list) return this.imported.get(name);
    let chosen = list[0];
    for (const definition of list) if (definition.offset <= offset) chosen = definition;
    return chosen;
  }

  /** Each name with its last value as written. */
  asMap(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [name, definition] of this.imported) out.set(name, definition.value);
    for (const [name, list] of this.byName) out.set(name, list[list.length - 1]!.value);
    for (const [name, definition] of this.overrides) out.set(name, definition.value);
    return out;
  }
}
