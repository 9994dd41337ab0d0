import type { RowProblem } from "./contract";

/** A row problem as one line: its column first, unless the message already starts with it. */
export function problemText(problem: RowProblem): string {
  if (problem.column === undefined || problem.message.toLowerCase().startsWith(`${problem.column.toLowerCase()}:`)) return problem.message;
  return `${problem.column}: ${problem.message}`;
}
