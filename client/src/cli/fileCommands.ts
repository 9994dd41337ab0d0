/** The commands `dist/cli-check.js` runs alone (the language and the schema pack, no runner). */
export function isFileCommand(command: string | undefined): boolean {
  return command === "check" || command === "parse";
}
