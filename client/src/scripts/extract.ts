/**
 * Extract (pull): server scripts written to a folder as NAME.py / NAME.js with their
 * `scriptConfig`, and remembered as pulled, so a later deploy can tell whether the server copy
 * changed since. A local file with other content is kept unless overwriting is asked for.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileTextOf } from "./configText";
import { extensionOf } from "./language";
import type { ScriptApi } from "./scriptApi";
import { fileId, sourceHash, type ScriptStateStore } from "./scriptState";
import { makeDirectory } from "../files/makeDirectory";

export interface ExtractContext {
  api: ScriptApi;
  connection: string;
  server: string;
  state: ScriptStateStore;
  /** Absolute folder the files go to. */
  outDir: string;
  /** For the state's file names. */
  workspaceDir: string;
  /** Replace local files whose content differs. */
  overwrite?: boolean;
  now?: () => Date;
  progress?: (message: string) => void;
}

export interface ExtractedFile {
  name: string;
  path?: string;
  status: "written" | "unchanged" | "skipped" | "failed";
  /** Why it was skipped or failed, as a sentence. */
  message?: string;
}

async function currentText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch {
    return undefined;
  }
}

async function extractOne(name: string, context: ExtractContext): Promise<ExtractedFile> {
  const upper = name.toUpperCase();
  context.progress?.(`${upper}: reading ${context.connection}`);
  const script = await context.api.find(upper);
  if (!script) return { name: upper, status: "failed", message: `There is no automation script ${upper} on ${context.connection}.` };
  const extension = extensionOf(script.language);
  if (!extension) return { name: upper, status: "skipped", message: `${upper} is a ${script.language || "language-less"} script; only Jython and JavaScript scripts are written to files.` };
  // A name is one file name: characters no file system allows become "_".
  const path = join(context.outDir, `${script.name.replace(/[\\/:*?"<>|]/g, "_")}${extension}`);
  const text = fileTextOf(script);
  const existing = await currentText(path);
  let status: ExtractedFile["status"] = "written";
  if (existing === text) status = "unchanged";
  else if (existing !== undefined && !context.overwrite) {
    return { name: upper, path, status: "skipped", message: "the file exists with other content; it was kept." };
  } else {
    await makeDirectory(context.outDir);
    await writeFile(path, text, "utf8");
  }
  await context.state.set(context.server, script.name, {
    rowstamp: script.rowstamp,
    sourceHash: sourceHash(script.source),
    file: fileId(context.workspaceDir, path),
    kind: "pull",
    at: (context.now?.() ?? new Date()).toISOString(),
  });
  return { name: upper, path, status };
}

/** Extracts the named scripts one by one; a failure of one does not stop the others. */
export async function extractScripts(names: readonly string[], context: ExtractContext): Promise<ExtractedFile[]> {
  const out: ExtractedFile[] = [];
  for (const name of names) {
    try {
      out.push(await extractOne(name, context));
    } catch (error) {
      out.push({ name: name.toUpperCase(), status: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  }
  return out;
}
