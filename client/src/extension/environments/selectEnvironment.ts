/** `Maximo: Select Environment`: a quick pick of the folder's environments, or none ($shared only). */
import * as vscode from "vscode";
import { originLabel } from "../../environments/environmentSet";
import { ENV_FILE } from "../../variables/envSources";
import type { Log } from "../contracts";
import type { EnvironmentManager } from "./environmentManager";

const NONE = "No environment";

/** Picks (or, given `name`, sets) the active environment; resolves to the name, or undefined for none or a cancel. */
export async function selectEnvironment(environments: EnvironmentManager, log: Log, name?: unknown): Promise<string | undefined> {
  const folder = environments.folderOf();
  if (folder === undefined) {
    void vscode.window.showInformationMessage("Open a folder to use the environments of its maximo.env.json.");
    return undefined;
  }
  let set;
  try {
    set = await environments.setOf(folder);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error(message);
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
  if (typeof name === "string") {
    if (!set.environments.has(name)) {
      void vscode.window.showErrorMessage(`There is no environment "${name}" in ${originLabel(set.origin)}.`);
      return undefined;
    }
    await environments.setActive(name);
    return name;
  }
  if (set.environments.size === 0) {
    void vscode.window.showInformationMessage(`No environments are defined: add ${ENV_FILE} to the folder, e.g. { "$shared": { "site": "BEDFORD" }, "dev": { "host": "..." } }.`);
    return undefined;
  }
  const active = environments.active();
  const items: Array<vscode.QuickPickItem & { value: string | undefined }> = [...set.environments].map(([env, variables]) => ({
    label: env,
    value: env,
    description: env === active ? "active" : "",
    // Names only: values may be secrets.
    detail: variables.size === 0 ? "no variables" : [...variables.keys()].join(", "),
  }));
  items.push({ label: NONE, value: undefined, description: sharedOnly(set.shared.size), detail: "Requests read only the \"$shared\" variables" });
  const picked = await vscode.window.showQuickPick(items, { title: `Maximo: environment (${originLabel(set.origin)})`, placeHolder: "The environment Send fills {{variables}} from" });
  if (!picked) return active;
  await environments.setActive(picked.value);
  return picked.value;
}

function sharedOnly(count: number): string {
  return `$shared only (${count} variable${count === 1 ? "" : "s"})`;
}
