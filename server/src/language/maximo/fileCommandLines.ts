/**
 * Where a JetBrains `run` / `import` line stands (fileCommands.ts reads it): by its first word,
 * for the splitter and the lexer alike. No imports, so the token module can use it.
 */

/** Which command the line whose first non-blank character is at `at` is: `run`/`import` then a blank or the line end. */
export function fileCommandAt(text: string, at: number): "run" | "import" | undefined {
  const c = text.charCodeAt(at);
  let word: "run" | "import";
  if (c === 114 /* r */ && text.charCodeAt(at + 1) === 117 && text.charCodeAt(at + 2) === 110) word = "run";
  else if (c === 105 /* i */ && text.startsWith("import", at)) word = "import";
  else return undefined;
  const after = text.charCodeAt(at + word.length);
  // NaN (the text end), a line break or a blank.
  return after !== after || after === 10 || after === 13 || after === 32 || after === 9 ? word : undefined;
}

/** A chevrotain custom matcher: the whole `word` line (indentation and line break included). */
export function matchFileCommand(word: "run" | "import") {
  return (text: string, offset: number): [string] | null => {
    let i = offset;
    while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
    if (fileCommandAt(text, i) !== word) return null;
    let end = i + word.length;
    for (let c = text.charCodeAt(end); c === c && c !== 10 && c !== 13; c = text.charCodeAt(++end));
    if (text.charCodeAt(end) === 13) end++;
    if (text.charCodeAt(end) === 10) end++;
    return [text.slice(offset, end)];
  };
}
