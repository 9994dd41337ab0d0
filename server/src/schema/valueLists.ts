/**
 * Value lists in the schema folders: `lists/<os>/<attribute>.json`, each a server's answer to
 * `getlist~<attribute>` saved byte for byte. A child object's attribute is keyed by its property
 * path: `lists/mxapiwodetail/wplabor.craft.json`. Each folder lists a structure's files once and
 * parses a file on first use; the first folder with a usable file answers, so a corrupt file
 * costs one warning and the next folder (another cache, the pack) is asked.
 */
import { join } from "node:path";
import { parseValueList } from "./valueListParser";
import type { ReportBadFile } from "./schemaFolder";
import type { SchemaFileSystem, ValueList } from "./types";

/** Lower-case object structure and attribute path (`status`, `wplabor.craft`) → the list. */
export type ValueListLookup = (os: string, attribute: string) => ValueList | undefined;

const SAFE_NAME = /^[a-z0-9_][a-z0-9_.-]*$/;

export function valueListLookup(dirs: readonly string[], packDir: string, files: SchemaFileSystem, reportBadFile: ReportBadFile): ValueListLookup {
  const folders = dirs.map((dir) => new ValueListFolder(dir, dir === packDir, files, reportBadFile));
  return (os, attribute) => {
    const osKey = os.toLowerCase();
    const key = attribute.toLowerCase();
    // Names come from user text: never let one climb out of the folder.
    if (!SAFE_NAME.test(osKey) || !SAFE_NAME.test(key) || key.includes("..")) return undefined;
    for (const folder of folders) {
      const list = folder.list(osKey, key);
      if (list) return list;
    }
    return undefined;
  };
}

class ValueListFolder {
  /** os → lower-case file name → the name on disk. */
  private readonly fileNames = new Map<string, Map<string, string>>();
  // null: present but unusable (warned once), so not read again.
  private readonly lists = new Map<string, ValueList | null>();

  constructor(
    private readonly dir: string,
    private readonly fromPack: boolean,
    private readonly files: SchemaFileSystem,
    private readonly reportBadFile: ReportBadFile,
  ) {}

  list(os: string, attribute: string): ValueList | undefined {
    const name = this.namesOf(os).get(`${attribute}.json`);
    if (name === undefined) return undefined;
    const key = `${os}/${attribute}`;
    if (!this.lists.has(key)) this.lists.set(key, this.read(os, attribute, join(this.dir, "lists", this.namesOf(os).get("")!, name)));
    return this.lists.get(key) ?? undefined;
  }

  /** One directory listing per object structure; "" maps to the folder's own name on disk. */
  private namesOf(os: string): Map<string, string> {
    let names = this.fileNames.get(os);
    if (!names) {
      names = new Map();
      const listsDir = join(this.dir, "lists");
      const osDir = this.files.listDir(listsDir).find((entry) => entry.toLowerCase() === os);
      if (osDir !== undefined) {
        names.set("", osDir);
        for (const file of this.files.listDir(join(listsDir, osDir))) {
          if (file.toLowerCase().endsWith(".json")) names.set(file.toLowerCase(), file);
        }
      }
      this.fileNames.set(os, names);
    }
    return names;
  }

  private read(os: string, attribute: string, file: string): ValueList | null {
    const text = this.files.readFile(file);
    if (text === undefined) return null;
    const parsed = parseValueList(text, { os, attribute, source: file, fromPack: this.fromPack });
    if (!parsed.ok) {
      this.reportBadFile(file, parsed.reason);
      return null;
    }
    return parsed.value;
  }
}
