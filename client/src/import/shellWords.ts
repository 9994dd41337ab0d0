/**
 * Splits shell text into commands and words by the quoting rules of POSIX sh (what a copied curl
 * command is written in): 'single quotes' as written, "double quotes" with \" \\ \$ \` escapes,
 * a backslash outside quotes escapes the next character, and a backslash before a line break
 * continues the line. Bash's $'...' (Chrome's "Copy as cURL" uses it) reads \n, \t, \', \\ and
 * \xHH. Unquoted line breaks and `;` end a command; `#` at the start of a word starts a comment.
 * Variables (`$HOST`) are left as written: nothing is expanded.
 */

export interface ShellParse {
  commands: string[][];
  /** A quote left open at the end of the text, as a sentence. */
  problem?: string;
}

const ANSI_ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", e: "\x1b", f: "\f", v: "\v", "0": "\0" };

export function splitShell(text: string): ShellParse {
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
        if (d === "\\" && '"\\$`\n'.includes(text[i + 1] ?? "")) {
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
      word += c;
      inWord = true;
      i++;
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
