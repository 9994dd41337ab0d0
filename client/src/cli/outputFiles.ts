/**
 * `--out DIR`: one body file and one headers file per request. All-pages members are written to a
 * JSON array as each page arrives, so memory stays flat however many records there are.
 */
import { copyFileSync, createWriteStream, writeFileSync, type WriteStream } from "node:fs";
import { join } from "node:path";
import type { ExecutedResponse } from "../http/types";
import { redact } from "../http/redact";
import { makeDirectorySync } from "../files/makeDirectory";

export interface RequestFiles {
  body: string;
  headers: string;
}

/** File names for the request: `<file>-<nn>-<name>` with only safe characters. */
export function requestFiles(outDir: string, sourceFile: string, index: number, name: string | undefined, extension: string): RequestFiles {
  const base = sourceFile.replace(/^.*[\\/]/, "").replace(/\.maximo$/i, "");
  const label = `${safe(base)}-${String(index + 1).padStart(2, "0")}${name ? `-${safe(name)}` : ""}`;
  makeDirectorySync(outDir);
  return { body: join(outDir, `${label}.${extension}`), headers: join(outDir, `${label}.headers.txt`) };
}

function safe(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 60) || "request";
}

/** The status line and response headers, credentials masked. */
export function headerText(response: ExecutedResponse, secrets: readonly string[]): string {
  const lines = [`HTTP ${response.status} ${response.statusText}`, ...response.headers.map(([name, value]) => `${name}: ${value}`)];
  return redact(lines.join("\n") + "\n", secrets);
}

export function writeSingleResponse(files: RequestFiles, response: ExecutedResponse, secrets: readonly string[]): void {
  // A large body arrived in a file: copied, never read into memory.
  const file = response.body.file;
  if (file !== undefined) copyFileSync(file, files.body);
  else writeFileSync(files.body, response.body.readAll());
  writeFileSync(files.headers, headerText(response, secrets));
}

export function bodyExtension(response: ExecutedResponse): string {
  const type = response.headers.find(([name]) => name === "content-type")?.[1] ?? "";
  if (/json/i.test(type)) return "json";
  if (/csv/i.test(type)) return "csv";
  if (/xml/i.test(type)) return "xml";
  if (/^text\//i.test(type)) return "txt";
  return "bin";
}

/** A JSON array written member by member; `close()` ends it. */
export class MemberArrayWriter {
  private readonly stream: WriteStream;
  private count = 0;
  private failure: Error | undefined;

  constructor(path: string) {
    this.stream = createWriteStream(path);
    this.stream.on("error", (error) => (this.failure = error));
    this.stream.write("[");
  }

  async add(members: readonly unknown[]): Promise<void> {
    if (this.failure) throw this.failure;
    let chunk = "";
    for (const member of members) chunk += `${this.count++ === 0 ? "\n" : ",\n"}${JSON.stringify(member)}`;
    // Wait for the disk when the stream's buffer is full, so pages do not pile up in memory.
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once("drain", resolve));
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.stream.end(this.count === 0 ? "]\n" : "\n]\n", () => (this.failure ? reject(this.failure) : resolve()));
    });
  }
}
