/**
 * The example files "Try on the Local Emulator" opens: the repository's examples/ (shipped in the
 * .vsix), copied into the extension's storage so the user can edit and save them. A copy the user
 * already has is left as it is.
 */
import { copyFile, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { makeDirectory } from "../files/makeDirectory";

/** The file opened first: the one the tour starts with. */
export const FIRST_EXAMPLE = "workorders.maximo";

/** Copies the examples into `target`; returns the paths it holds, the first example first. */
export async function copyExamples(source: string, target: string): Promise<string[]> {
  const held: string[] = [];
  const walk = async (from: string, to: string): Promise<void> => {
    await makeDirectory(to);
    for (const entry of await readdir(from, { withFileTypes: true })) {
      const sourcePath = join(from, entry.name);
      const targetPath = join(to, entry.name);
      if (entry.isDirectory()) {
        await walk(sourcePath, targetPath);
        continue;
      }
      if (!(await exists(targetPath))) await copyFile(sourcePath, targetPath);
      held.push(targetPath);
    }
  };
  await walk(source, target);
  const first = join(target, FIRST_EXAMPLE);
  return [...held.filter((path) => path === first), ...held.filter((path) => path !== first).sort()];
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
