// An update writing child rows without the child's key adds new lines each time (found by an
// audit: export --explode wplabor, then load --action update, doubled WO 1002's labor lines).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { childKeyNotes } from "../../../client/src/load/childKeyNotes";
import { startEmulator, type EmulatorHandle } from "../../../emulator/index";
import { assetTarget } from "./support";

let emu: EmulatorHandle;
before(async () => {
  emu = await startEmulator({ port: 0, options: { workOrders: 5 } });
});
after(() => emu.close());

test("update and addchange with child columns but not the child's own key get a note; with the key, add, or no child, none", async () => {
  const { target, executor } = await assetTarget(emu, { os: "mxapiwodetail" });
  executor.close();
  const columns = (...paths: string[]) => paths.map((path) => ({ path }));
  const [note] = childKeyNotes(columns("wonum", "siteid", "wplabor.laborcode", "wplabor.laborhrs"), target.schema, "update");
  assert.match(note ?? "", /The wplabor columns have no wplaborid: on update each row adds a new wplabor line.*Add the wplabor\.wplaborid column/);
  assert.equal(childKeyNotes(columns("wonum", "siteid", "wplabor.laborcode"), target.schema, "addchange").length, 1);
  assert.deepEqual(childKeyNotes(columns("wonum", "siteid", "wplabor.wplaborid", "wplabor.laborhrs"), target.schema, "update"), []);
  assert.deepEqual(childKeyNotes(columns("wonum", "siteid", "wplabor.laborcode"), target.schema, "add"), []);
  assert.deepEqual(childKeyNotes(columns("wonum", "siteid", "description"), target.schema, "update"), []);
});
