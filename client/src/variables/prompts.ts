/**
 * httpyac's questions: `{{$input Work order}}`, `{{$password Secret}}`, `{{$pick Site $value: A,B}}`
 * and their `-askonce` forms. The resolver asks through a PromptProvider the host gives it
 * (VS Code: an input box and a quick pick); without one (the CLI) it says it cannot ask.
 */
import { promptParts } from "../../../server/src/language/maximo/api";
import { looksSecret } from "../environments/secretNames";
import { ENV_FILE } from "./envSources";

export interface PromptProvider {
  /** The answer, or undefined when the user cancelled. */
  input(question: string, options: { password: boolean; value?: string }): Promise<string | undefined>;
  /** The picked item, or undefined when the user cancelled. */
  pick(question: string, items: readonly string[]): Promise<string | undefined>;
}

export type Ask = (expression: string) => Promise<string>;

/**
 * The value of one question expression (its inner text, `$input-askonce Site`). `answers`
 * keeps `-askonce` answers for as long as the caller keeps the map. Throws an Error whose
 * message is a sentence (the caller adds the line).
 */
export async function askFor(inner: string, kind: "input" | "password" | "pick", prompt: PromptProvider | undefined, answers: Map<string, string>): Promise<string> {
  const parts = promptParts(inner);
  const { name, value } = parts;
  // A bare `{{$input}}` / `{{$password}}` (httpyac asks it too) gets a generic question.
  const question = parts.question || (kind === "password" ? "Password" : kind === "pick" ? "Pick a value" : "Value");
  const key = `${kind}:${question}`;
  const once = name.endsWith("-askonce");
  const known = once ? answers.get(key) : undefined;
  if (known !== undefined) return known;
  if (!prompt) {
    throw new Error(
      `{{${name}}} asks "${question}" when the request is sent, and the command line cannot ask: write the value in the file (\`@name = value\`) or in ${ENV_FILE} and use {{name}} instead`,
    );
  }
  const answer =
    kind === "pick"
      ? await prompt.pick(
          question,
          (value ?? "")
            .split(",")
            .map((item) => item.trim())
            .filter((item) => item !== ""),
        )
      : // `{{$input Your password}}` asks for a secret as `$password` does: masked as typed, remembered as a secret.
        await prompt.input(question, { password: kind === "password" || looksSecret(question), ...(value !== undefined ? { value } : {}) });
  if (answer === undefined) throw new Error(`No answer was given to "${question}", so the request was not sent`);
  if (once) answers.set(key, answer);
  return answer;
}
