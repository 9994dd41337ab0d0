/**
 * Before a deploy overwrites a script, the server's copy is saved to the backup folder
 * (`maximo.scripts.backupFolder`, `.maximo/backups` by default) as NAME-<UTC time>.<ext>, so
 * nothing the server held is ever lost to a deploy.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeDirectory } from "../files/makeDirectory";

/** 2026-12-02T03:36:59.123Z → 20261202T033659123Z: sortable, and legal in every file system. */
export function backupStamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, "");
}

/** Writes the text without ever replacing an earlier backup; resolves to the file written. */
export async function writeBackup(folder: string, name: string, extension: string, text: string, now: Date): Promise<string> {
  await makeDirectory(folder);
  const stem = `${name.replace(/[^\w.-]/g, "_")}-${backupStamp(now)}`;
  for (let n = 1; ; n++) {
    const path = join(folder, `${stem}${n === 1 ? "" : `-${n}`}${extension}`);
    try {
      await writeFile(path, text, { encoding: "utf8", flag: "wx" });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}
