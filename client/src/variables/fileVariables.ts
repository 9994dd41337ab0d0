/**
 * The `@name = value` lines of a request file. Definitions count by position, like httpyac:
 * a use reads the last definition above it, so a file can redefine `@site` half-way; a name
 * defined only further down still resolves (REST Client lets a file define variables anywhere).
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

export class FileVariables {
  private readonly byName = new Map<string, FileVariable[]>();

  constructor(document: MaximoDocument) {
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
    const list = this.byName.get(name);
    if (!list) return undefined;
    let chosen = list[0];
    for (const definition of list) if (definition.offset <= offset) chosen = definition;
    return chosen;
  }

  /** Each name with its last value as written. */
  asMap(): Map<string, string> {
    const out = new Map<string, string>();
    for (const [name, list] of this.byName) out.set(name, list[list.length - 1]!.value);
    return out;
  }
}
