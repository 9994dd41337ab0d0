// A reader for VS Code's snippet syntax (tabstops, placeholders, choices, escapes), enough to
// expand a snippet body the way the editor inserts it and to reject what the editor would
// misread, e.g. an unescaped `$processEnv`, which VS Code takes for a snippet variable.

export type SnippetPart =
  | { kind: "text"; text: string }
  | { kind: "tabstop"; index: number; children: SnippetPart[] | undefined }
  | { kind: "choice"; index: number; options: string[] };

export class SnippetSyntaxError extends Error {}

/** Parses a snippet body (its lines joined with "\n"). Throws SnippetSyntaxError. */
export function parseSnippet(body: string): SnippetPart[] {
  const reader = new Reader(body);
  const parts = reader.parts(false);
  if (!reader.done()) throw new SnippetSyntaxError(`unexpected "}" at ${reader.at}`);
  return parts;
}

class Reader {
  at = 0;
  constructor(private readonly s: string) {}

  done(): boolean {
    return this.at >= this.s.length;
  }

  /** Parts up to the end, or up to an unescaped `}` when inside a placeholder. */
  parts(nested: boolean): SnippetPart[] {
    const out: SnippetPart[] = [];
    let text = "";
    const flush = () => {
      if (text) out.push({ kind: "text", text });
      text = "";
    };
    while (!this.done()) {
      const c = this.s[this.at]!;
      if (c === "\\") {
        const next = this.s[this.at + 1];
        if (next === "$" || next === "}" || next === "\\") {
          text += next;
          this.at += 2;
        } else {
          text += c;
          this.at++;
        }
      } else if (c === "}" && nested) {
        break;
      } else if (c === "$") {
        flush();
        out.push(this.dollar());
      } else {
        text += c;
        this.at++;
      }
    }
    flush();
    return out;
  }

  private dollar(): SnippetPart {
    const rest = this.s.slice(this.at);
    let m = /^\$(\d+)/.exec(rest);
    if (m) {
      this.at += m[0].length;
      return { kind: "tabstop", index: Number(m[1]), children: undefined };
    }
    m = /^\$\{(\d+)\}/.exec(rest);
    if (m) {
      this.at += m[0].length;
      return { kind: "tabstop", index: Number(m[1]), children: undefined };
    }
    m = /^\$\{(\d+)\|/.exec(rest);
    if (m) {
      this.at += m[0].length;
      const options: string[] = [];
      let option = "";
      for (;;) {
        if (this.done()) throw new SnippetSyntaxError(`unterminated choice \${${m[1]}|`);
        const c = this.s[this.at]!;
        if (c === "\\" && /[,|\\$}]/.test(this.s[this.at + 1] ?? "")) {
          option += this.s[this.at + 1];
          this.at += 2;
        } else if (c === ",") {
          options.push(option);
          option = "";
          this.at++;
        } else if (c === "|" && this.s[this.at + 1] === "}") {
          options.push(option);
          this.at += 2;
          break;
        } else {
          option += c;
          this.at++;
        }
      }
      if (options.some((o) => o === "")) throw new SnippetSyntaxError(`empty option in choice \${${m[1]}|`);
      return { kind: "choice", index: Number(m[1]), options };
    }
    m = /^\$\{(\d+):/.exec(rest);
    if (m) {
      this.at += m[0].length;
      const children = this.parts(true);
      if (this.s[this.at] !== "}") throw new SnippetSyntaxError(`unterminated placeholder \${${m[1]}:`);
      this.at++;
      return { kind: "tabstop", index: Number(m[1]), children };
    }
    m = /^\$\{?([A-Za-z_]\w*)/.exec(rest);
    if (m) throw new SnippetSyntaxError(`"${m[0]}" is a snippet variable to VS Code: write \\$${m[1]} for a literal $`);
    throw new SnippetSyntaxError(`a bare $ at ${this.at}: write \\$`);
  }
}

/** Every choice and tabstop in document order, nested ones included. */
export function allParts(parts: SnippetPart[]): SnippetPart[] {
  return parts.flatMap((p) => (p.kind === "tabstop" && p.children ? [p, ...allParts(p.children)] : [p]));
}

/**
 * The text the editor inserts: placeholders with their default, choices with `pick(index,
 * options)` (the first option unless told), and mirrors (`$2`) with the value of their tabstop.
 */
export function expandSnippet(parts: SnippetPart[], pick: (index: number, options: string[]) => string = (_, o) => o[0]!): string {
  const values = new Map<number, string>();
  const render = (list: SnippetPart[]): string =>
    list
      .map((p) => {
        if (p.kind === "text") return p.text;
        if (p.kind === "choice") {
          const value = pick(p.index, p.options);
          if (!values.has(p.index)) values.set(p.index, value);
          return value;
        }
        if (p.children) {
          const value = render(p.children);
          if (!values.has(p.index)) values.set(p.index, value);
          return value;
        }
        return `\u0000${p.index}\u0000`;
      })
      .join("");
  // Mirrors may come before the placeholder that gives their value: fill them in afterwards.
  return render(parts).replace(/\u0000(\d+)\u0000/g, (_, index: string) => values.get(Number(index)) ?? "");
}
