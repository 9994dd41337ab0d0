/** sha256 of a file's bytes, read as a stream: the same file always gives the same batch transactionids. */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

export async function contentHash(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
