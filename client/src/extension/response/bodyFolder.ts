/**
 * The extension's folder for response bodies too large to keep in memory:
 * `<globalStorage>/tmp/<pid>-<random>/`, one per extension host. Removed when the extension
 * stops; folders left by hosts that are gone (a crash) are removed at the next start. Other
 * windows' folders are left alone while their host runs.
 */
import { randomBytes } from "node:crypto";
import { promises as fs, rmSync } from "node:fs";
import { join } from "node:path";
import type * as vscode from "vscode";
import { folderStorage, type BodyStorage } from "../../body/bodyStorage";

const storages = new WeakMap<vscode.ExtensionContext, BodyStorage>();

export function extensionBodyStorage(context: vscode.ExtensionContext): BodyStorage {
  let storage = storages.get(context);
  if (!storage) {
    const root = join(context.globalStorageUri.fsPath, "tmp");
    const own = join(root, `${process.pid}-${randomBytes(3).toString("hex")}`);
    storage = folderStorage(own);
    storages.set(context, storage);
    context.subscriptions.push({ dispose: () => rmSync(own, { recursive: true, force: true }) });
    void removeOrphans(root, own);
  }
  return storage;
}

async function removeOrphans(root: string, own: string): Promise<void> {
  let names: string[];
  try {
    names = await fs.readdir(root);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^(\d+)-/.exec(name)?.[1]);
    if (join(root, name) === own || (Number.isInteger(pid) && isAlive(pid))) continue;
    await fs.rm(join(root, name), { recursive: true, force: true }).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, owned by someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
