/**
 * httpyac's `{{$input}}`, `{{$password}}` and `{{$pick}}` asked in VS Code: an input box (masked
 * for a password) and a quick pick. Password answers are remembered as secrets for the window's
 * session, so the response panel and copied curl commands show them redacted.
 */
import * as vscode from "vscode";
import type { PromptProvider } from "../../variables/index";

export class EditorPrompts implements PromptProvider {
  private readonly passwords = new Set<string>();
  /** `-askonce` answers, for as long as the window is open. */
  readonly answers = new Map<string, string>();

  async input(question: string, options: { password: boolean; value?: string }): Promise<string | undefined> {
    const answer = await vscode.window.showInputBox({
      title: "Maximo: a value for the request",
      prompt: question,
      password: options.password,
      ignoreFocusOut: true,
      ...(options.value !== undefined ? { value: options.value } : {}),
    });
    if (answer !== undefined && options.password && answer !== "") this.passwords.add(answer);
    return answer;
  }

  pick(question: string, items: readonly string[]): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showQuickPick([...items], { title: "Maximo: a value for the request", placeHolder: question, ignoreFocusOut: true }));
  }

  /** Password answers given so far. */
  secrets(): string[] {
    return [...this.passwords];
  }
}
