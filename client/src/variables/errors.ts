/**
 * The one error variable resolution throws: it names what could not be resolved and the
 * 1-based line of the file where it is written, so the CLI and the editor can point at it.
 */
export class VariableError extends Error {
  constructor(
    /** What could not be resolved as written: `site`, `$dotenv TOKEN`, `wo.response.body.x`. */
    readonly variable: string,
    /** 1-based line in the request file, or in `where` when that is given. */
    readonly line: number,
    /** The sentence before the line, e.g. `Variable "site" is not defined`. */
    problem: string,
    /** Where the text came from when it is not the request file itself (`./body.json`). */
    where?: string,
  ) {
    super(`${problem} (line ${line}${where ? `, in ${where}` : ""})`);
    this.name = "VariableError";
  }
}
