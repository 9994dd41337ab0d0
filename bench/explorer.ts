/**
 * bench/explorer: expanding one object structure in the explorer on a large server's cache
 * folder: 500 structures in apimeta, 300 cached schemas of 200 attributes, and the expanded one
 * with 1,000 attributes and 10 child objects. Measured: the engine's children() of the structure
 * (reading and parsing its one schema file, cold, in a fresh model each run) plus the tree item
 * of every node of the level; and, in the same run, a baseline that parses every cached schema
 * first, as an explorer that loads the whole cache on expand would.
 *
 * Target (issue 17): expand of a 1,000-attribute structure under 50 ms. Times are wall-clock
 * medians after warm-up, garbage collection included.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ExplorerModel } from "../client/src/explorer/explorerModel";
import { itemView } from "../client/src/explorer/itemView";
import type { ConnectionNode, ExplorerNode, StructureNode } from "../client/src/explorer/nodes";
import { parseJsonSchema } from "../server/src/schema/jsonSchemaParser";

const TARGET_EXPAND_MS = 50;
const STRUCTURES = 500;
const CACHED_SCHEMAS = 300;
const OTHER_ATTRIBUTES = 200;
const BIG_ATTRIBUTES = 1_000;
const BIG = "mxbigstructure";
const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();

function property(index: number): Record<string, unknown> {
  const kinds = [
    { type: "string", subType: "UPPER", maxLength: 12 },
    { type: "string", subType: "ALN", maxLength: 100 },
    { type: "integer", subType: "INTEGER", maxLength: 12 },
    { type: "number", subType: "DECIMAL", maxLength: 15, scale: 2 },
    { type: "string", subType: "DATETIME", maxLength: 10 },
  ];
  return { ...kinds[index % kinds.length], title: `Attribute ${index}`, remarks: `What attribute ${index} of the record holds, as a real server's remarks say it.`, persistent: true, searchType: "WILDCARD", ...(index % 7 === 0 ? { hasList: true } : {}) };
}

function schema(name: string, attributes: number, children: number): string {
  const properties: Record<string, unknown> = {};
  for (let i = 0; i < attributes; i++) properties[`attr${String(i).padStart(4, "0")}`] = property(i);
  for (let c = 0; c < children; c++) {
    const childProperties: Record<string, unknown> = {};
    for (let i = 0; i < 30; i++) childProperties[`cattr${i}`] = property(i);
    properties[`child${c}`] = { type: "array", objectName: `CHILD${c}`, relation: `REL${c}`, items: { type: "object", title: `CHILD${c}`, pk: ["cattr0"], properties: childProperties } };
  }
  return JSON.stringify({ resource: name.toUpperCase(), type: "object", title: name.toUpperCase(), pk: ["attr0000", "attr0001"], required: ["attr0000", "attr0001", "attr0002"], properties });
}

function cacheFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), "maximo-bench-explorer-"));
  mkdirSync(join(folder, "jsonschemas"));
  const names = [BIG, ...Array.from({ length: STRUCTURES - 1 }, (_, i) => `mxstructure${String(i).padStart(3, "0")}`)];
  const apimeta = names.map((name) => ({
    name: name.toUpperCase(),
    description: `Object structure ${name}`,
    queryCapability: [{ name: "All", href: "x" }, ...Array.from({ length: 5 }, (_, q) => ({ name: `QUERY${q}`, title: `Saved query ${q}`, ispublic: true, href: "x" }))],
  }));
  writeFileSync(join(folder, "apimeta.json"), JSON.stringify(apimeta));
  writeFileSync(join(folder, "jsonschemas", `${BIG}.json`), schema(BIG, BIG_ATTRIBUTES, 10));
  for (const name of names.slice(1, CACHED_SCHEMAS)) writeFileSync(join(folder, "jsonschemas", `${name}.json`), schema(name, OTHER_ATTRIBUTES, 2));
  return folder;
}

async function measure(run: () => Promise<unknown>, runs: number): Promise<number[]> {
  const warmUntil = performance.now() + 500;
  for (let i = 0; i < 3 || performance.now() < warmUntil; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

const median = (sorted: number[]) => sorted[Math.floor(sorted.length / 2)]!;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

/** A fresh model (nothing read yet) and the big structure's node, listed from apimeta. */
async function freshModel(folder: string): Promise<{ model: ExplorerModel; structure: StructureNode; connection: ConnectionNode }> {
  const model = new ExplorerModel({ connections: () => [{ name: "big", active: true, folder }], packDir: join(root, "server", "schema-pack") });
  const [connection] = (await model.children()) as ConnectionNode[];
  const structure = (await model.children(connection)).find((node): node is StructureNode => node.kind === "structure" && node.name === BIG)!;
  return { model, structure, connection: connection! };
}

function items(nodes: ExplorerNode[], model: ExplorerModel): number {
  let count = 0;
  for (const node of nodes) {
    const view = itemView(node, node.kind === "attribute" && model.isTicked(node));
    if (view.label) count++;
  }
  return count;
}

async function main(): Promise<void> {
  const folder = cacheFolder();
  try {
    const bigBytes = readFileSync(join(folder, "jsonschemas", `${BIG}.json`)).length;
    console.log(
      `cache folder: ${STRUCTURES} structures in apimeta, ${CACHED_SCHEMAS} cached schemas; ${BIG}: ${BIG_ATTRIBUTES} attributes + 10 child objects, ${(bigBytes / 1024).toFixed(0)} KB`,
    );

    // Expand, cold: one schema file read and parsed, one level of nodes and their tree items.
    let level = 0;
    const prepared: Array<Awaited<ReturnType<typeof freshModel>>> = [];
    const expand = await measure(async () => {
      const { model, structure } = prepared.pop() ?? (await freshModel(folder));
      const nodes = await model.children(structure);
      level = items(nodes, model);
    }, 30);
    console.log(`expand ${BIG} (cold: read + parse its schema, ${level} tree items): median ${ms(median(expand))}, p95 ${ms(percentile(expand, 0.95))} (target < ${TARGET_EXPAND_MS} ms)`);

    // Expand again (the schema already parsed): what a collapse and re-expand costs.
    const { model: warmModel, structure: warmStructure, connection } = await freshModel(folder);
    await warmModel.children(warmStructure);
    const warm = await measure(async () => items(await warmModel.children(warmStructure), warmModel), 30);
    console.log(`expand again (parsed): median ${ms(median(warm))}, p95 ${ms(percentile(warm, 0.95))}`);

    // The connection's level: 500 structures from apimeta (parsed once per model) and their items.
    const list = await measure(async () => {
      const { model, connection: fresh } = await freshModel(folder);
      items(await model.children(fresh), model);
    }, 15);
    console.log(`list ${STRUCTURES} structures (cold: read + parse apimeta, tree items): median ${ms(median(list))}`);
    void connection;

    // Baseline: every cached schema parsed on expand, then the same level built.
    const files = readdirSync(join(folder, "jsonschemas"));
    const baseline = await measure(async () => {
      for (const file of files) parseJsonSchema(readFileSync(join(folder, "jsonschemas", file), "utf8"), file.slice(0, -5), file);
      const { model, structure } = await freshModel(folder);
      items(await model.children(structure), model);
    }, 5);
    console.log(`baseline, every cached schema parsed (${files.length} files) + the same level: median ${ms(median(baseline))}`);
    console.log(`ratio: lazy expand is ${(median(baseline) / median(expand)).toFixed(1)}x faster than the whole-cache parse`);
    console.log(median(expand) < TARGET_EXPAND_MS ? `PASS expand < ${TARGET_EXPAND_MS} ms` : `MISS expand ${ms(median(expand))} >= ${TARGET_EXPAND_MS} ms`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

void main();
