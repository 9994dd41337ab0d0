/** Writes a file so a reader sees the old bytes or the new ones, never half: a temp file, then rename. */
import { randomBytes } from "node:crypto";
import { rename, unlink, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { makeDirectory } from "../../files/makeDirectory";

export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<void> {
  await makeDirectory(dirname(path));
  // The suffix is not `.json`, so the server's folder listing never picks up a half-written file.
  const temp = `${path}.${process.pid}-${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
