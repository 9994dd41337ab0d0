import { test } from "node:test";
import assert from "node:assert/strict";
import { ResponseError } from "vscode-languageserver";
import { getDefinition, getReferences } from "../../../server/src/features/references/navigation";
import { prepareRename, rename } from "../../../server/src/features/references/rename";
import { applyWorkspaceEdit, uri, withCursor } from "./fixture";

const file = (cursorLine: string) =>
  [
    "@site = BEDFORD",
    "@base = https://host/maximo/{{site}}",
    "",
    "### list",
    "# @name wo",
    cursorLine,
    "",
    "### next",
    "GET os/mxapiwodetail/{{wo.response.body.member[0].href}}?site={{site}}",
    "X-Id: {{$guid}}",
    "",
  ].join("\n");

const lines = (ranges: Array<{ range: { start: { line: number; character: number } } }>) => ranges.map((r) => [r.range.start.line, r.range.start.character]);

test("definition of a file variable from a use, and of a request name from a chained reference", () => {
  const variable = withCursor(file('GET os/mxapiwodetail?oslc.where=siteid="{{si|te}}"'));
  assert.deepEqual(lines(getDefinition(variable.document, uri, variable.position)), [[0, 1]]);
  const chained = withCursor(file("GET os/mxapiwodetail").replace("{{wo.", "{{w|o."));
  assert.deepEqual(lines(getDefinition(chained.document, uri, chained.position)), [[4, 8]]);
  const nothing = withCursor(file("GET os/mxapi|wodetail"));
  assert.deepEqual(getDefinition(nothing.document, uri, nothing.position), []);
});

test("references of a variable, from its definition, with and without the declaration", () => {
  const { document, position } = withCursor(file("GET os/mxapiwodetail?site={{site}}").replace("@site", "@si|te"));
  assert.deepEqual(lines(getReferences(document, uri, position, true)), [[0, 1], [1, 30], [5, 28], [8, 64]]);
  assert.deepEqual(lines(getReferences(document, uri, position, false)), [[1, 30], [5, 28], [8, 64]]);
});

test("rename a variable: the definition and every use change", () => {
  const { document, text, position } = withCursor(file('GET os/mxapiwodetail?oslc.where=siteid="{{site|}}"'));
  const prepared = prepareRename(document, position);
  assert.ok(!(prepared instanceof ResponseError));
  assert.equal(prepared.placeholder, "site");
  const edit = rename(document, uri, position, "siteid");
  assert.ok(!(edit instanceof ResponseError));
  const renamed = applyWorkspaceEdit(text, edit);
  assert.equal(renamed, text.replaceAll("@site", "@siteid").replaceAll("{{site}}", "{{siteid}}"));
});

test("rename a request name from its # @name: chained references follow", () => {
  const { document, text, position } = withCursor(file("GET os/mxapiwodetail").replace("@name wo", "@name w|o"));
  const edit = rename(document, uri, position, "workorders");
  assert.ok(!(edit instanceof ResponseError));
  const renamed = applyWorkspaceEdit(text, edit);
  assert.match(renamed, /# @name workorders\n/);
  assert.match(renamed, /\{\{workorders\.response\.body\.member\[0\]\.href\}\}/);
});

test("rename refuses system variables, plain text and names that would not parse", () => {
  const system = withCursor(file("GET os/mxapiwodetail").replace("{{$guid}}", "{{$gu|id}}"));
  const refused = prepareRename(system.document, system.position);
  assert.ok(refused instanceof ResponseError);
  assert.match(refused.message, /system variable/);
  assert.ok(rename(system.document, uri, system.position, "x") instanceof ResponseError);
  const text = withCursor(file("GET os/mxapi|wodetail"));
  assert.ok(prepareRename(text.document, text.position) instanceof ResponseError);
  const variable = withCursor(file("GET os/x?s={{si|te}}"));
  assert.ok(rename(variable.document, uri, variable.position, "two words") instanceof ResponseError);
});

test("a JetBrains run line: definition of `run #Login` is the request's `### Login` title (or its @name); references find the run lines", () => {
  // jetbrains.com/help "Import and run requests": a request is named by `### name` or `# @name name`.
  const text = ["### Login", "POST os/login", "", "### other", "# @name users", "GET os/users", "", "###", "run #Lo|gin (@user=alice)", "run #users", "run ./a.http#Login", ""].join("\n");
  const login = withCursor(text);
  assert.deepEqual(lines(getDefinition(login.document, uri, login.position)), [[0, 4]]);
  assert.deepEqual(lines(getReferences(login.document, uri, login.position, false)), [[8, 5]]);
  const users = withCursor(text.replace("run #Lo|gin", "run #Login").replace("run #users", "run #us|ers"));
  assert.deepEqual(lines(getDefinition(users.document, uri, users.position)), [[4, 8]]);
});
