/** The Add Connection steps: name, URL, sign-in, the user or OAuth client when needed, the secret. */
import * as vscode from "vscode";
import { checkUrl, ConnectionError } from "../../connections/load";
import type { AuthType } from "../../connections/types";
import type { SettingEntry } from "./connectionSettings";
import { needsUser, secretKindOf, secretLabel } from "./secretKinds";
import { AUTH_CHOICES } from "./settingEdits";

export interface NewConnection {
  /** What goes into the setting: never a secret. */
  entry: SettingEntry;
  /** Kept in SecretStorage; undefined when the user left it for later. */
  secret?: string;
}

/** Undefined when the user cancels a step. */
export async function runAddWizard(existingNames: readonly string[]): Promise<NewConnection | undefined> {
  const title = (step: number, total: number) => `Add Maximo Connection (${step}/${total})`;
  const name = (
    await vscode.window.showInputBox({
      title: title(1, 4),
      prompt: "A short name, shown in the status bar and used by # @connection",
      placeHolder: "dev",
      ignoreFocusOut: true,
      validateInput: (value) => {
        const trimmed = value.trim();
        if (trimmed === "") return "Give the connection a name.";
        return existingNames.includes(trimmed) ? `A connection named "${trimmed}" already exists.` : undefined;
      },
    })
  )?.trim();
  if (!name) return undefined;

  const url = (
    await vscode.window.showInputBox({
      title: title(2, 4),
      prompt: "The server up to its context root",
      placeHolder: "https://maximo.example.com/maximo",
      ignoreFocusOut: true,
      validateInput: (value) => urlProblem(value.trim()),
    })
  )?.trim();
  if (!url) return undefined;

  const picked = await vscode.window.showQuickPick(
    AUTH_CHOICES.map((choice) => ({ label: choice.label, description: choice.auth, detail: choice.detail, auth: choice.auth })),
    { title: title(3, 4), placeHolder: "How does this server sign you in?", ignoreFocusOut: true },
  );
  if (!picked) return undefined;
  const auth: AuthType = picked.auth;
  const entry: SettingEntry = { name, url: url.replace(/\/+$/, ""), auth };

  if (needsUser(auth)) {
    const user = (await vscode.window.showInputBox({ title: title(4, 4), prompt: "Maximo user name", ignoreFocusOut: true, validateInput: required("a user name") }))?.trim();
    if (!user) return undefined;
    entry.user = user;
  }
  if (auth === "oauth") {
    const clientId = (await vscode.window.showInputBox({ title: title(4, 4), prompt: "OAuth client id", ignoreFocusOut: true, validateInput: required("the client id") }))?.trim();
    if (!clientId) return undefined;
    entry.clientId = clientId;
    const tokenUrl = await vscode.window.showInputBox({
      title: title(4, 4),
      prompt: "OAuth token URL; leave empty to find it by OpenID discovery from the server URL",
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === "" ? undefined : urlProblem(value.trim())),
    });
    if (tokenUrl === undefined) return undefined;
    if (tokenUrl.trim() !== "") entry.tokenUrl = tokenUrl.trim();
    else entry.issuer = entry.url;
  }

  const kind = secretKindOf(auth);
  if (!kind) return { entry };
  const secret = await vscode.window.showInputBox({
    title: title(4, 4),
    prompt: `The ${secretLabel[kind]} (kept in VS Code's SecretStorage, never in settings; leave empty to be asked on first use)`,
    password: true,
    ignoreFocusOut: true,
  });
  if (secret === undefined) return undefined;
  return secret === "" ? { entry } : { entry, secret };
}

function urlProblem(value: string): string | undefined {
  try {
    checkUrl(value, "The URL");
    return undefined;
  } catch (error) {
    return error instanceof ConnectionError ? error.message : String(error);
  }
}

function required(what: string): (value: string) => string | undefined {
  return (value) => (value.trim() === "" ? `Enter ${what}.` : undefined);
}
