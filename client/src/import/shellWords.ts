/**
 * Splits shell text into commands and words by the quoting rules of POSIX sh (what a copied curl
 * command is written in): 'single quotes' as written, "double quotes" with \" \\ \$ \` escapes,
 * a backslash outside quotes escapes the next character, and a backslash before a line break
 * continues the line. Bash's $'...' (Chrome's "Copy as cURL" uses it) reads \n, \t, \', \\ and
 * \xHH. Unquoted line breaks and `;` end a command; `#` at the start of a word starts a comment.
 * Variables (`$HOST`, `${HOST}`) are left as written unless `variable` is given: then each one
 * outside single quotes becomes what it returns (the curl import writes `{{$processEnv HOST}}`);
 * command substitutions (`$(...)`, backquotes) and special parameters (`$1`, `$?`) stay as written.
 */

export interface ShellParse {
  commands: string[][];
  /** A quote left open at the end of the text, as a sentence. */
  problem?: string;
}

const ANSI_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", e: "\x1b", f: "\f", v: "\v", "0": "\0" };

export interface ShellOptions {
  /** What `$NAME` / `${NAME}` outside single quotes is written as; without it, as written. */
  variable?: (name: string) => string;
}

/** `$NAME` or `${NAME}` at `from` (the `$`): the name and where it ends; undefined for anything else. */
function variableAt(text: string, from: number): { name: string; end: number } | undefined {
  const match = /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(text.slice(from, from + 256));
  return match ? { name: (match[1] ?? match[2])!, end: from + match[0].length } : undefined;
}

/** The end of the `$(...)` or backquoted command starting at `from`: kept whole, nothing in it expanded. */
function substitutionEnd(text: string, from: number): number | undefined {
  if (text[from] === "`") {
    const end = text.indexOf("`", from + 1);
    return end < 0 ? undefined : end + 1;
  }
  if (text[from] !== "$" || text[from + 1] !== "(") return undefined;
  let depth = 0;
  for (let i = from + 1; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return i + 1;
  }
  return undefined;
}

export function splitShell(text: string, options: ShellOptions = {}): ShellParse {
  const commands: string[][] = [];
  let words: string[] = [];
  let word = "";
  /** A word has started (so '' gives an empty word). */
  let inWord = false;
  let i = 0;
  const endWord = () => {
    if (inWord) words.push(word);
    word = "";
    inWord = false;
  };
  const endCommand = () => {
    endWord();
    if (words.length > 0) commands.push(words);
    words = [];
  };
  /** Reads a variable or command substitution at `i` into the word; the index after it, or undefined when there is none. */
  const expansion = (i: number): number | undefined => {
    if (!options.variable) return undefined;
    const substitution = substitutionEnd(text, i);
    if (substitution !== undefined) {
      word += text.slice(i, substitution);
      return substitution;
    }
    const variable = text[i] === "$" ? variableAt(text, i) : undefined;
    if (!variable) return undefined;
    word += options.variable(variable.name);
    return variable.end;
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\\") {
      const next = text[i + 1];
      if (next === "\n") i += 2;
      else if (next === "\r" && text[i + 2] === "\n") i += 3;
      else if (next === undefined) i++;
      else {
        word += next;
        inWord = true;
        i += 2;
      }
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return { commands: [...commands, [...words, word + text.slice(i + 1)]], problem: "A single quote (') is not closed." };
      word += text.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (c === "$" && text[i + 1] === "'") {
      const read = readAnsiC(text, i + 2);
      if (read === undefined) return { commands: [...commands, [...words, word]], problem: "A $'...' quote is not closed." };
      word += read.value;
      inWord = true;
      i = read.end;
    } else if (c === '"') {
      i++;
      for (;;) {
        if (i >= text.length) return { commands: [...commands, [...words, word]], problem: 'A double quote (") is not closed.' };
        const d = text[i]!;
        if (d === '"') break;
        const expanded = d === "$" || d === "`" ? expansion(i) : undefined;
        if (expanded !== undefined) {
          i = expanded;
        } else if (d === "\\" && '"\\$`\n'.includes(text[i + 1] ?? "")) {
          // A backslash-newline inside double quotes continues the line too.
          if (text[i + 1] !== "\n") word += text[i + 1];
          i += 2;
        } else {
          word += d;
          i++;
        }
      }
      inWord = true;
      i++;
    } else if (c === "\n" || c === ";") {
      endCommand();
      i++;
    } else if (c === " " || c === "\t" || c === "\r") {
      endWord();
      i++;
    } else if (c === "#" && !inWord) {
      while (i < text.length && text[i] !== "\n") i++;
    } else {
      const expanded = c === "$" || c === "`" ? expansion(i) : undefined;
      if (expanded !== undefined) i = expanded;
      else {
        word += c;
        i++;
      }
      inWord = true;
    }
  }
  endCommand();
  return { commands };
}

function readAnsiC(text: string, from: number): { value: string; end: number } | undefined {
  let value = "";
  let i = from;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "'") return { value, end: i + 1 };
    if (c !== "\\") {
      value += c;
      i++;
      continue;
    }
    const next = text[i + 1] ?? "";
    const hex = /^x([0-9a-fA-F]{1,2})/.exec(text.slice(i + 1, i + 4));
    const unicode = /^u([0-9a-fA-F]{1,4})/.exec(text.slice(i + 1, i + 6));
    if (hex) {
      value += String.fromCharCode(parseInt(hex[1]!, 16));
      i += 1 + hex[0].length;
    } else if (unicode) {
      value += String.fromCharCode(parseInt(unicode[1]!, 16));
      i += 1 + unicode[0].length;
    } else {
      value += ANSI_ESCAPES[next] ?? `\\${next}`;
      i += 2;
    }
  }
  return undefined;
}
