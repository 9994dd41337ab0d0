/**
 * A forgiving reader for the object literal a `scriptConfig` holds: JSON, plus what people write
 * by hand in JavaScript and Python files (comments, trailing commas, single quotes, bare keys,
 * `True`/`False`/`None`). Pure and never throws: the result carries an error with its offset.
 */
export type LiteralValue = null | boolean | number | string | LiteralValue[] | { [key: string]: LiteralValue };

export interface LiteralResult {
  value?: LiteralValue;
  /** Offset just after the literal (or where reading stopped). */
  end: number;
  error?: { message: string; offset: number };
}

class Failure {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

const keywords: Record<string, LiteralValue> = { true: true, false: false, null: null, True: true, False: false, None: null, undefined: null };

class Reader {
  pos: number;

  constructor(
    private readonly text: string,
    start: number,
  ) {
    this.pos = start;
  }

  fail(message: string, offset = this.pos): never {
    throw new Failure(message, offset);
  }

  skipSpace(): void {
    const text = this.text;
    for (;;) {
      const c = text[this.pos];
      if (c === undefined) return;
      if (/\s/.test(c)) this.pos++;
      else if (c === "/" && text[this.pos + 1] === "/") this.skipLine();
      else if (c === "#") this.skipLine();
      else if (c === "/" && text[this.pos + 1] === "*") {
        const close = text.indexOf("*/", this.pos + 2);
        if (close < 0) this.fail("a /* comment is not closed");
        this.pos = close + 2;
      } else return;
    }
  }

  private skipLine(): void {
    const newline = this.text.indexOf("\n", this.pos);
    this.pos = newline < 0 ? this.text.length : newline + 1;
  }

  value(depth = 0): LiteralValue {
    if (depth > 64) this.fail("the value nests too deeply");
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === "{") return this.object(depth);
    if (c === "[") return this.array(depth);
    if (c === '"' || c === "'") return this.string();
    if (c !== undefined && /[-+0-9.]/.test(c)) return this.number();
    const word = /^[A-Za-z_$][\w$]*/.exec(this.text.slice(this.pos, this.pos + 64))?.[0];
    if (word !== undefined && word in keywords) {
      this.pos += word.length;
      return keywords[word]!;
    }
    return this.fail(c === undefined ? "the text ends where a value should be" : `unexpected ${JSON.stringify(c)} where a value should be`);
  }

  private object(depth: number): LiteralValue {
    const out: { [key: string]: LiteralValue } = {};
    this.pos++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === "}") {
        this.pos++;
        return out;
      }
      const key = this.key();
      this.skipSpace();
      if (this.text[this.pos] !== ":") this.fail(`expected ":" after the key "${key}"`);
      this.pos++;
      out[key] = this.value(depth + 1);
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ",") this.pos++;
      else if (next !== "}") this.fail(`expected "," or "}" after the value of "${key}"`);
    }
  }

  private key(): string {
    const c = this.text[this.pos];
    if (c === '"' || c === "'") return this.string();
    const word = /^[A-Za-z_$][\w$]*|^\d+/.exec(this.text.slice(this.pos, this.pos + 256))?.[0];
    if (word === undefined) this.fail(c === undefined ? "the text ends inside an object" : `unexpected ${JSON.stringify(c)} where a key should be`);
    this.pos += word.length;
    return word;
  }

  private array(depth: number): LiteralValue {
    const out: LiteralValue[] = [];
    this.pos++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === "]") {
        this.pos++;
        return out;
      }
      out.push(this.value(depth + 1));
      this.skipSpace();
      const next = this.text[this.pos];
      if (next === ",") this.pos++;
      else if (next !== "]") this.fail('expected "," or "]" in a list');
    }
  }

  private string(): string {
    const quote = this.text[this.pos]!;
    const start = this.pos;
    this.pos++;
    let out = "";
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined || c === "\n") this.fail("a string is not closed", start);
      this.pos++;
      if (c === quote) return out;
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = this.text[this.pos++];
      const simple: Record<string, string> = { n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", "/": "/", "\\": "\\", '"': '"', "'": "'" };
      if (e !== undefined && e in simple) out += simple[e];
      else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos, this.pos + 4))) {
        out += String.fromCharCode(parseInt(this.text.slice(this.pos, this.pos + 4), 16));
        this.pos += 4;
      } else this.fail(`unknown escape \\${e ?? ""} in a string`, this.pos - 2);
    }
  }

  private number(): number {
    const match = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 64));
    if (!match) this.fail("a number is malformed");
    this.pos += match[0].length;
    return Number(match[0]);
  }
}

/** Reads one literal value starting at `start` (leading space and comments allowed). */
export function readLiteral(text: string, start = 0): LiteralResult {
  const reader = new Reader(text, start);
  try {
    const value = reader.value();
    return { value, end: reader.pos };
  } catch (error) {
    if (error instanceof Failure) return { end: reader.pos, error: { message: error.message, offset: error.offset } };
    throw error;
  }
}

export function isLiteralObject(value: LiteralValue | undefined): value is { [key: string]: LiteralValue } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
