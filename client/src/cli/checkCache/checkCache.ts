/**
 * `maximo check`'s cache, as Ruff and ESLint `--cache` keep one. Per checked file it keeps two
 * files in the cache folder:
 * - `<id>.result.json`: the file's diagnostics, placed, for the sha-1 of its text. A check of the
 *   same text prints them without parsing anything.
 * - `<id>.blocks.json`: each block's analysis (its diagnostics and the names and variables the
 *   file-level checks combine) by the sha-1 of the block's text. A check of changed text analyses
 *   only the blocks whose text is new; the file-level checks and the placing of every diagnostic
 *   run as in a full check (`onePassCheck`).
 *
 * Every file is for one key (`cacheKey.ts`): the code, Node and the schema folders' content. A
 * file of another key, an unreadable, corrupt or foreign file, or one another user could have
 * written, is no answer: the text is checked again and the file rewritten. Nothing secret is
 * kept: diagnostics never quote a secret, and of variables only names.
 */
import { resolve, join } from "node:path";
import { onePassCheck, type CheckResult } from "../../../../server/src/features/fileDiagnostics/onePassCheck";
import type { SchemaStore } from "../../../../server/src/schema";
import { keepNewest, readPrivateFile, userCacheDir, writePrivateFile } from "../cacheFiles";
import { FileBlockMemo, sha1, type StoredBlocks } from "./blockMemo";
import { isArrayOf, isString, StoredReader, StringTable, type StoredPlaced } from "./storedForms";

/** Bumped when what a file holds changes. */
const FORMAT = 1;
/** Cache files kept: the most recently written, two per checked file. */
const KEPT_FILES = 4000;

/** The cache folder: `MAXIMO_CHECK_CACHE=DIR`, or `off`; by default `~/.cache/maximo-workbench/check-cache`. */
export function checkCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return userCacheDir("MAXIMO_CHECK_CACHE", "check-cache", env);
}

/** What a result file holds besides its format and key. */
interface StoredResult {
  /** sha-1 of the text checked. */
  text: string;
  strings: string[];
  syntax: StoredPlaced[];
  schema: StoredPlaced[];
}

/** What a check took from the cache: the whole result, some blocks, or nothing. */
export interface CachedCheck extends CheckResult {
  fromResult: boolean;
}

export class CheckCache {
  private written = false;

  /** `key`: `checkCacheKey` of the code and the schema folders `check` is given a store of. */
  constructor(
    private readonly dir: string,
    private readonly key: string,
    private readonly keptFiles = KEPT_FILES,
  ) {}

  /** The diagnostics of `text`, the content of `file`: `onePassCheck(text, schemas)`, from the cache where it can. */
  check(file: string, text: string, schemas: SchemaStore): CachedCheck {
    const textHash = sha1(text);
    const id = join(this.dir, createId(file));
    const result = this.readResult(`${id}.result.json`, textHash);
    if (result) return { ...result, analysedBlocks: 0, fromResult: true };
    const memo = new FileBlockMemo(textHash, this.readBlocks(`${id}.blocks.json`));
    const checked = onePassCheck(text, schemas, memo);
    if (!memo.unchanged()) this.write(`${id}.blocks.json`, memo.toStore());
    this.write(`${id}.result.json`, storedResult(textHash, checked));
    return { ...checked, fromResult: false };
  }

  /** Once per run: drops the files of the files checked longest ago. Never throws. */
  prune(): void {
    if (!this.written) return;
    try {
      keepNewest(this.dir, (name) => name.endsWith(".json"), this.keptFiles);
    } catch {
      // An untidy folder costs disk, nothing more.
    }
  }

  private readResult(path: string, textHash: string): Pick<CheckResult, "syntax" | "schema"> | undefined {
    const stored = this.read(path);
    if (!stored || stored.text !== textHash || !isArrayOf(stored.strings, isString)) return undefined;
    const reader = new StoredReader(stored.strings as string[]);
    const syntax = reader.placed(stored.syntax);
    const schema = syntax && reader.placed(stored.schema);
    return schema && { syntax: syntax!, schema };
  }

  private readBlocks(path: string): StoredBlocks | undefined {
    const stored = this.read(path);
    if (!stored || !isString(stored.text) || !isArrayOf(stored.strings, isString)) return undefined;
    const isEntry = (value: unknown) => Array.isArray(value) && value.length === 2 && isString(value[0]);
    return isArrayOf(stored.blocks, isEntry) ? (stored as unknown as StoredBlocks) : undefined;
  }

  /** A cache file's object when it is of this format and key. */
  private read(path: string): Record<string, unknown> | undefined {
    const bytes = readPrivateFile(path);
    if (!bytes) return undefined;
    try {
      const stored = JSON.parse(bytes.toString("utf8")) as unknown;
      if (typeof stored !== "object" || stored === null) return undefined;
      const file = stored as Record<string, unknown>;
      return file.format === FORMAT && file.key === this.key ? file : undefined;
    } catch {
      return undefined;
    }
  }

  /** Never throws: a cache that cannot be written costs the next check its head start, nothing more. */
  private write(path: string, content: StoredResult | StoredBlocks): void {
    try {
      writePrivateFile(this.dir, path, JSON.stringify({ format: FORMAT, key: this.key, ...content }));
      this.written = true;
    } catch {
      // See above.
    }
  }
}

/** A checked file's name in the cache folder: its absolute path, hashed. */
function createId(file: string): string {
  return sha1(resolve(file)).replace(/[+/=]/g, (c) => (c === "+" ? "-" : c === "/" ? "_" : ""));
}

function storedResult(textHash: string, checked: CheckResult): StoredResult {
  const table = new StringTable();
  const syntax = checked.syntax.map((d) => table.placed(d));
  const schema = checked.schema.map((d) => table.placed(d));
  return { text: textHash, strings: table.strings, syntax, schema };
}
