/**
 * Reading `scriptConfig` in the forms the widely used Maximo deploy tooling documents (a JS
 * `var scriptConfig = {...}`, a Python `scriptConfig = """{...}"""`; keys named after the
 * application's labels in camel case), the file-name fallback, and the OBJECTEVENT bit mask.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readDefinition } from "../../../client/src/scripts/definition";
import { configOf, configStatement, fileTextOf } from "../../../client/src/scripts/configText";
import { flagsOfObjectEvent, objectEventOf } from "../../../client/src/scripts/launchPointEvents";
import { findScriptConfig } from "../../../client/src/scripts/scriptConfig";
import type { ServerScript } from "../../../client/src/scripts/serverScript";

function definition(path: string, text: string) {
  const result = readDefinition(path, text);
  assert.equal(result.error, undefined, result.error);
  return result.definition!;
}

describe("scriptConfig in JavaScript", () => {
  test("the deploy tooling's README example: trailing commas, camel-case keys, events as flags", () => {
    const text = `main();

function main(){
    // entry point for the script.
}

var scriptConfig = {
    "autoscript":"EXAMPLE_SCRIPT",
    "description":"An example script for deployment",
    "version":"1.0.4",
    "active":true,
    "logLevel":"INFO",
    "autoScriptVars":[
        {
            "varname":"examplevar",
            "description":"An example variable"
        }
    ],
    "scriptLaunchPoints":[
        {
            "launchPointName":"EXAMPLELP",
            "launchPointType":"OBJECT",
            "description":"An example launch point for Labor",
            "objectName":"LABOR",
            "save":true,
            "add":true,
            "update":true,
            "beforeSave":true,
            "launchPointVars":[
                {
                "varName":"examplevar",
                "varBindingValue":"Example binding"
                }
            ]
        }
    ],
}
`;
    const d = definition("example.js", text);
    assert.equal(d.name, "EXAMPLE_SCRIPT");
    assert.equal(d.nameFrom, "scriptConfig");
    assert.equal(d.language, "javascript");
    assert.equal(d.active, true);
    assert.deepEqual(d.attributes, { description: "An example script for deployment", version: "1.0.4", loglevel: "INFO" });
    assert.deepEqual(d.variables, [{ varname: "examplevar", description: "An example variable" }]);
    assert.deepEqual(d.launchPoints, [
      {
        record: { launchpointname: "EXAMPLELP", launchpointtype: "OBJECT", description: "An example launch point for Labor", objectname: "LABOR", objectevent: 6 },
        vars: [{ varname: "examplevar", varbindingvalue: "Example binding" }],
      },
    ]);
    assert.equal(d.source, text, "the whole file is the source");
    assert.deepEqual(d.warnings, []);
  });

  test("comments, single quotes and bare keys as hand-written JS has them; the last assignment wins", () => {
    const text = `// var scriptConfig = {"autoscript": "IN_A_COMMENT"};
var scriptConfig = {autoscript: 'FIRST'};
/* a block comment */
var scriptConfig = {
  autoscript: 'MXWB_LAST', // trailing comment
  active: false,
};`;
    const d = definition("x.js", text);
    assert.equal(d.name, "MXWB_LAST");
    assert.equal(d.active, false);
  });

  // sharptree/vscode-autoscript-deploy reads the program's top-level variable declarations (its
  // deploy script does); its own deploy script assigns scriptConfig only inside functions.
  test("only a top-level statement is the config: one in a function or a block comment is not", () => {
    const text = `var scriptConfig = {"autoscript": "T_INNER"};
function f(s) { var scriptConfig = JSON.parse(s); return scriptConfig; }
/*
var scriptConfig = {"autoscript": "T_COMMENT_OLD"};
*/
`;
    assert.equal(definition("t.js", text).name, "T_INNER");
    // A file whose only assignments are inside functions has none: it deploys by its file name.
    const inner = "function main() {\n  var scriptConfig = getConfig();\n  return scriptConfig;\n}\n";
    assert.equal(findScriptConfig(inner, "javascript"), undefined);
    assert.equal(definition("sharptree.autoscript.deploy.js", inner).name, "SHARPTREE.AUTOSCRIPT.DEPLOY");
    // Nashorn syntax the parser cannot read falls back to lines starting in column 0.
    const nashorn = "var f = function(x) x + 1;\n  var scriptConfig = {autoscript: 'INDENTED'};\nvar scriptConfig = {autoscript: 'NASHORN'};\n";
    assert.equal(definition("n.js", nashorn).name, "NASHORN");
  });

  test("a broken scriptConfig is refused with its line", () => {
    const result = readDefinition("broken.js", 'var a = 1;\nvar scriptConfig = {\n  "autoscript": "X"\n  "description": "no comma"\n};\n');
    assert.match(result.error ?? "", /broken\.js: scriptConfig \(line 2\) is not valid: expected "," or "}" after the value of "autoscript" at line 4\./);
  });

  test("settings this tool does not deploy are named in warnings; allowInvokingScriptFunctions is AUTOSCRIPT.INTERFACE", () => {
    const d = definition("w.js", `var scriptConfig = {"autoscript": "W", "allowInvokingScriptFunctions": true, "properties": [], "onDeploy": "setup"};`);
    assert.deepEqual(d.warnings, ["scriptConfig settings not deployed: properties, ondeploy."]);
    // Sharptree's CHANGELOG 1.19.2: "allowInvokingScriptFunctions (INTERFACE) attribute".
    assert.deepEqual(d.attributes, { interface: true });
    assert.match(readDefinition("w.js", `var scriptConfig = {"autoscript": "W", "allowInvokingScriptFunctions": "yes"};`).error ?? "", /must be true or false/);
  });

  // Attribute launch points run on one event, SCRIPTLAUNCHPOINT.ATTRIBUTEEVENT (0 initialize access
  // restriction, 1 initialize value, 2 validate, 3 retrieve list, 4 run action), named after the
  // application's labels in scriptConfig as the Sharptree/Naviam tooling writes them.
  test('"_delete": true is refused, not deployed over the script; a launch-point variable the script does not declare is said', () => {
    assert.match(readDefinition("d.js", 'var scriptConfig = {"autoscript": "D", "_delete": true};').error ?? "", /asks to delete the script.*does not delete scripts/);
    const d = definition(
      "v.js",
      `var scriptConfig = ${JSON.stringify({
        autoscript: "V",
        autoScriptVars: [{ varName: "maxpri", varType: "IN", varBindingType: "LITERAL", varBindingValue: "2" }],
        scriptLaunchPoints: [{ launchPointName: "V_LP", launchPointType: "OBJECT", objectName: "WORKORDER", save: true, add: true, launchPointVars: [{ varName: "maxpri", varBindingValue: "3" }, { varName: "minpri", varBindingValue: "1" }] }],
      })};`,
    );
    assert.deepEqual(d.warnings, ["Launch point V_LP: minpri is not among the script's autoScriptVars, so the launch point cannot bind it."]);
  });

  test("object launch points: save with no operation, or two save contexts, are said", () => {
    const lp = (flags: Record<string, boolean>) =>
      definition("o.js", `var scriptConfig = ${JSON.stringify({ autoscript: "O", scriptLaunchPoints: [{ launchPointName: "O_LP", launchPointType: "OBJECT", objectName: "WORKORDER", ...flags }] })};`);
    assert.deepEqual(lp({ save: true }).warnings, ['Launch point O_LP: "save" names no operation (add, update or delete), so it runs on no save.']);
    assert.match(lp({ save: true, add: true, beforeSave: true, afterCommit: true }).warnings[0] ?? "", /beforeSave and afterCommit are both set/);
    assert.deepEqual(lp({ save: true, add: true, afterSave: true }).warnings, []);
  });

  test("attribute launch-point events: the flag becomes ATTRIBUTEEVENT; two flags deploy the first; none is said", () => {
    const lp = (flags: Record<string, boolean>) =>
      definition("a.js", `var scriptConfig = ${JSON.stringify({ autoscript: "A", scriptLaunchPoints: [{ launchPointName: "A_LP", launchPointType: "ATTRIBUTE", objectName: "ASSET", attributeName: "STATUS", ...flags }] })};`);
    const validate = lp({ validate: true });
    assert.equal(validate.launchPoints[0]!.record.attributeevent, 2);
    assert.deepEqual(validate.warnings, []);
    assert.equal(lp({ runAction: true }).launchPoints[0]!.record.attributeevent, 4);
    assert.equal(lp({ initializeAccessRestriction: true }).launchPoints[0]!.record.attributeevent, 0);
    const two = lp({ validate: true, initializeValue: true });
    assert.equal(two.launchPoints[0]!.record.attributeevent, 1);
    assert.deepEqual(two.warnings, ["Launch point A_LP: an attribute launch point runs on one event; initializeValue is deployed, not validate."]);
    const none = lp({});
    assert.equal(none.launchPoints[0]!.record.attributeevent, undefined);
    assert.match(none.warnings[0]!, /no attribute event is set/);
  });
});

describe("scriptConfig in Python", () => {
  test('a triple-quoted JSON string, as the tooling documents for Jython', () => {
    const text = `from psdi.server import MXServer

def main():
    pass

main()

scriptConfig = """{
    "autoscript": "SM_SENDPORLNC",
    "description": "Send \\\\"follow ups\\\\" by email",
    "active": true,
    "logLevel": "ERROR",
    "allowInvokingScriptFunctions": false,
    "scriptLaunchPoints": [
        {
            "launchPointName": "SM_SENDPORLNC",
            "launchPointType": "ACTION",
            "active": true,
            "actionName": "SM_SENDPORLNC"
        }
    ]
}"""
`;
    const d = definition("sm.py", text);
    assert.equal(d.name, "SM_SENDPORLNC");
    assert.equal(d.language, "jython");
    assert.equal(d.attributes.description, 'Send "follow ups" by email', "Python unescapes \\\\ to \\, then JSON unescapes \\\" to \"");
    assert.deepEqual(d.launchPoints[0]!.record, { launchpointname: "SM_SENDPORLNC", launchpointtype: "ACTION", active: true, actionname: "SM_SENDPORLNC" });
  });

  test("single-quoted and raw strings work too; an unclosed string is refused", () => {
    assert.equal(definition("a.py", `scriptConfig = '{"autoscript": "MXWB_ONELINE"}'\n`).name, "MXWB_ONELINE");
    assert.equal(definition("a.py", `scriptConfig = r'''{"autoscript": "MXWB_RAW", "description": "a\\\\b"}'''\n`).attributes.description, "a\\b");
    assert.match(readDefinition("a.py", `scriptConfig = """{"autoscript": "X"}\n`).error ?? "", /is not closed/);
  });

  test("only a line in column 0 is the config: one indented in a def or commented out with # is not", () => {
    const text = [
      '# scriptConfig = """{"autoscript": "COMMENTED"}"""',
      "def load(source):",
      "    scriptConfig = source.strip()",
      "    return scriptConfig",
      "",
      'scriptConfig = """{"autoscript": "T_TOP"}"""',
      "",
    ].join("\n");
    assert.equal(definition("t.py", text).name, "T_TOP");
    assert.equal(findScriptConfig("def f(s):\n    scriptConfig = s\n", "python"), undefined);
  });

  test("a JS-style assignment in a .py file is not read (the file's language decides the form)", () => {
    assert.equal(findScriptConfig(`var scriptConfig = {"autoscript": "X"};`, "python"), undefined);
  });
});

describe("without scriptConfig", () => {
  test("the name is the file name in upper case; the language is the extension's", () => {
    assert.deepEqual(
      ["mxwb_a.py", "MXWB_B.jy", "mxwb.c.js"].map((file) => [definition(`/w/${file}`, "x = 1\n").name, definition(`/w/${file}`, "x = 1\n").language]),
      [["MXWB_A", "jython"], ["MXWB_B", "jython"], ["MXWB.C", "javascript"]],
    );
  });

  test("other files are refused with the extensions that work", () => {
    assert.match(readDefinition("notes.txt", "hi").error ?? "", /notes\.txt is not an automation script file\. Automation scripts are \.py or \.jy \(Jython\) and \.js \(JavaScript\) files\./);
  });

  test("a scriptLanguage that does not fit the file is refused", () => {
    assert.match(readDefinition("a.js", `var scriptConfig = {"autoscript": "A", "scriptLanguage": "jython"};`).error ?? "", /does not match a \.js file/);
    assert.equal(definition("a.js", `var scriptConfig = {"autoscript": "A", "scriptLanguage": "nashorn"};`).language, "nashorn");
  });
});

describe("OBJECTEVENT", () => {
  test("flags to the bit mask real servers store, and back", () => {
    const flags = (o: Record<string, boolean>) => new Map(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]));
    assert.equal(objectEventOf(flags({ initializeValue: true })), 1);
    assert.equal(objectEventOf(flags({ save: true, add: true, update: true, delete: true })), 2 + 4 + 8, "save without a context is before save");
    assert.equal(objectEventOf(flags({ save: true, update: true, afterSave: true })), 32);
    assert.equal(objectEventOf(flags({ save: true, add: true, afterCommit: true })), 128);
    assert.equal(objectEventOf(flags({ validateApplication: true, allowObjectCreation: true, allowObjectDeletion: true })), 1024 + 2048 + 4096);
    assert.equal(objectEventOf(flags({})), undefined);
    assert.deepEqual(flagsOfObjectEvent(6), [["save", true], ["add", true], ["update", true], ["beforeSave", true]]);
    assert.deepEqual(flagsOfObjectEvent(1), [["initializeValue", true]]);
    assert.equal(flagsOfObjectEvent(2 + 32), undefined, "add before save with update after save has no flag form: the number is written");
  });
});

describe("generated scriptConfig (extract)", () => {
  const server: ServerScript = {
    href: "x",
    rowstamp: "1",
    name: "MXWB_GEN",
    language: "jython",
    source: "x = 1",
    status: "Active",
    attributes: { description: 'Say "hi"\\there', loglevel: "ERROR", version: null },
    variables: [{ varname: "maxpri", vartype: "IN", varbindingtype: "LITERAL", varbindingvalue: "2", literaldatatype: "INTEGER", allowoverride: true, novalidation: false }],
    launchPoints: [{ record: { launchpointname: "LP1", launchpointtype: "OBJECT", objectname: "WORKORDER", objectevent: 6, active: true, condition: null }, vars: [{ varname: "maxpri", varbindingvalue: "3" }] }],
  };

  test("a source without scriptConfig gets one that reads back to the same definition", () => {
    const text = fileTextOf(server);
    assert.ok(text.startsWith("x = 1\n\nscriptConfig = \"\"\"{"));
    const d = definition("MXWB_GEN.py", text);
    assert.equal(d.name, "MXWB_GEN");
    assert.equal(d.active, true);
    assert.deepEqual(d.attributes, { description: 'Say "hi"\\there', loglevel: "ERROR" });
    assert.deepEqual(d.variables, [{ varname: "maxpri", vartype: "IN", varbindingtype: "LITERAL", varbindingvalue: "2", literaldatatype: "INTEGER", allowoverride: true, novalidation: false }]);
    assert.deepEqual(d.launchPoints, [{ record: { launchpointname: "LP1", launchpointtype: "OBJECT", active: true, objectname: "WORKORDER", objectevent: 6 }, vars: [{ varname: "maxpri", varbindingvalue: "3" }] }]);
  });

  test("an attribute launch point's ATTRIBUTEEVENT and INTERFACE come back as their scriptConfig settings", () => {
    const attribute = { record: { launchpointname: "LP2", launchpointtype: "ATTRIBUTE", objectname: "ASSET", attributename: "STATUS", attributeevent: 2, objectevent: null, active: true }, vars: [] };
    const config = configOf({ ...server, attributes: { ...server.attributes, interface: true }, launchPoints: [attribute] });
    assert.equal(config.allowInvokingScriptFunctions, true);
    const [written] = config.scriptLaunchPoints as Array<Record<string, unknown>>;
    assert.equal(written!.validate, true);
    assert.equal(written!.attributeEvent, undefined);
    const d = definition("MXWB_GEN.py", fileTextOf({ ...server, attributes: { ...server.attributes, interface: true }, launchPoints: [attribute] }));
    assert.equal(d.launchPoints[0]!.record.attributeevent, 2);
    assert.equal(d.attributes.interface, true);
  });

  test("the JavaScript form is a var statement; a source that has a scriptConfig is kept byte for byte", () => {
    assert.match(configStatement(configOf({ ...server, language: "javascript" }), "javascript"), /^var scriptConfig = \{\n {4}"autoscript": "MXWB_GEN",/);
    const own = `x = 1\nscriptConfig = """{"autoscript": "MXWB_GEN"}"""`;
    assert.equal(fileTextOf({ ...server, source: own }), own);
  });
});
