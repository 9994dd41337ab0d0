/**
 * What a script file asks the server to hold: name, language, source, script attributes,
 * variables and launch points, as AUTOSCRIPT / AUTOSCRIPTVARS / SCRIPTLAUNCHPOINT /
 * LAUNCHPOINTVARS attribute values (lower-case names, as lean JSON wants them). From the file's
 * `scriptConfig` when it has one (keys matched without regard to case, so `varName` and
 * `varname` both work), else from the file name.
 */
import { basename, extname } from "node:path";
import { familyOf, languageOfFile, scriptFileHint } from "./language";
import { attributeEventFlags, attributeEventOf, attributeFlagsOn, objectEventFlags, objectEventOf } from "./launchPointEvents";
import { isLiteralObject, type LiteralValue } from "./literal";
import { findScriptConfig } from "./scriptConfig";

export type AttributeValue = string | number | boolean | null;
export type MaximoRecord = { [attribute: string]: AttributeValue };

export interface LaunchPointDefinition {
  /** SCRIPTLAUNCHPOINT attributes: launchpointname, launchpointtype, objectname, objectevent... */
  record: MaximoRecord;
  /** LAUNCHPOINTVARS: varname, varbindingvalue. */
  vars: MaximoRecord[];
}

export interface ScriptDefinition {
  /** AUTOSCRIPT.AUTOSCRIPT, upper case. */
  name: string;
  nameFrom: "scriptConfig" | "fileName";
  language: string;
  /** True when scriptConfig names the language (then it may change a server script's language). */
  languageFromConfig: boolean;
  /** The whole file, scriptConfig included: that is what the server stores and extract gives back. */
  source: string;
  /** description, version, loglevel, interface: only those the config gives. */
  attributes: MaximoRecord;
  /** `active` from the config: the script's status becomes Active or Inactive. */
  active?: boolean;
  variables: MaximoRecord[];
  launchPoints: LaunchPointDefinition[];
  /** Things in the config that are not deployed, in words. */
  warnings: string[];
}

export type DefinitionResult = { definition: ScriptDefinition; error?: undefined } | { definition?: undefined; error: string };

/** `allowInvokingScriptFunctions` is AUTOSCRIPT.INTERFACE ("Allow Invoking Script Functions?"; Sharptree's CHANGELOG 1.19.2). */
const scriptKeys = new Set(["autoscript", "description", "version", "active", "loglevel", "scriptlanguage", "allowinvokingscriptfunctions"]);
const scriptLists = new Set(["autoscriptvars", "variables", "scriptlaunchpoints"]);
const variableKeys = new Set(["varname", "description", "vartype", "varbindingtype", "varbindingvalue", "literaldatatype", "allowoverride", "novalidation", "noaccesscheck", "noaction"]);
const launchPointKeys = new Set(["launchpointname", "launchpointtype", "description", "active", "objectname", "attributename", "condition", "actionname", "objectevent", "attributeevent"]);
const launchPointVarKeys = new Set(["varname", "varbindingvalue", "literaldatatype"]);
/** UPPER attributes: the server upper-cases them, so comparisons and bodies do too. */
const upperCase = new Set(["loglevel", "vartype", "varbindingtype", "literaldatatype", "launchpointname", "launchpointtype", "objectname", "attributename", "actionname"]);

class ConfigError extends Error {}

function lowerKeys(object: { [key: string]: LiteralValue }): Map<string, LiteralValue> {
  return new Map(Object.entries(object).map(([key, value]) => [key.toLowerCase(), value]));
}

function attributeValue(value: LiteralValue, where: string): AttributeValue {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  throw new ConfigError(`${where} must be a text, number or true/false value.`);
}

function normalised(name: string, value: AttributeValue): AttributeValue {
  return upperCase.has(name) && typeof value === "string" ? value.toUpperCase() : value;
}

/** The attributes of `allowed` found in `entries`; other keys go to `unknown`. */
function pick(entries: Map<string, LiteralValue>, allowed: ReadonlySet<string>, where: string, unknown: Set<string>, skip: ReadonlySet<string> = new Set()): MaximoRecord {
  const record: MaximoRecord = {};
  for (const [key, value] of entries) {
    if (allowed.has(key)) record[key] = normalised(key, attributeValue(value, `${where} "${key}"`));
    else if (!skip.has(key)) unknown.add(key);
  }
  return record;
}

function list(value: LiteralValue | undefined, where: string): Array<Map<string, LiteralValue>> {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new ConfigError(`${where} must be a list ([ ... ]).`);
  return value.map((item, index) => {
    if (!isLiteralObject(item)) throw new ConfigError(`${where} entry ${index + 1} must be an object ({ ... }).`);
    return lowerKeys(item);
  });
}

function requiredText(record: MaximoRecord, key: string, where: string): string {
  const value = record[key];
  if (typeof value !== "string" || value.trim() === "") throw new ConfigError(`${where} needs "${key}".`);
  return value;
}

function readVariables(value: LiteralValue | undefined, warnings: string[]): MaximoRecord[] {
  const unknown = new Set<string>();
  const vars = list(value, "scriptConfig autoScriptVars").map((entries, index) => {
    const record = pick(entries, variableKeys, `autoScriptVars entry ${index + 1}`, unknown);
    requiredText(record, "varname", `autoScriptVars entry ${index + 1}`);
    return record;
  });
  if (unknown.size > 0) warnings.push(`Variable settings not deployed: ${[...unknown].join(", ")}.`);
  return vars;
}

function readLaunchPoint(entries: Map<string, LiteralValue>, index: number, unknown: Set<string>, warnings: string[]): LaunchPointDefinition {
  const where = `scriptLaunchPoints entry ${index + 1}`;
  const record = pick(entries, launchPointKeys, where, unknown, new Set([...objectEventFlags, ...attributeEventFlags, "launchpointvars"]));
  const name = requiredText(record, "launchpointname", where);
  const type = String(record.launchpointtype ?? "").toUpperCase();
  if (type === "OBJECT" && record.objectevent === undefined) {
    const mask = objectEventOf(entries);
    if (mask !== undefined) record.objectevent = mask;
    warnings.push(...saveFlagWarnings(name, entries));
  }
  if (type === "ATTRIBUTE" && record.attributeevent === undefined) {
    const named = attributeFlagsOn(entries);
    if (named.length > 0) record.attributeevent = attributeEventOf(named[0]!);
    // An attribute launch point runs on one event; the application offers one choice.
    if (named.length > 1) warnings.push(`Launch point ${name}: an attribute launch point runs on one event; ${named[0]} is deployed, not ${named.slice(1).join(", ")}.`);
    if (named.length === 0) warnings.push(`Launch point ${name}: no attribute event is set; add one of initializeAccessRestriction, initializeValue, validate, retrieveList or runAction (true).`);
  }
  const varUnknown = new Set<string>();
  const vars = list(entries.get("launchpointvars"), `${name} launchPointVars`).map((varEntries, varIndex) => {
    const varRecord = pick(varEntries, launchPointVarKeys, `${name} launchPointVars entry ${varIndex + 1}`, varUnknown);
    requiredText(varRecord, "varname", `${name} launchPointVars entry ${varIndex + 1}`);
    return varRecord;
  });
  if (varUnknown.size > 0) warnings.push(`Launch point ${name}: variable settings not deployed: ${[...varUnknown].join(", ")}.`);
  return { record, vars };
}

/**
 * Launch-point variables that name no variable of the script: a launch point can only rebind one
 * the script declares (the application offers those; Sharptree's deploy refuses the others).
 * Said only when the file declares variables: without `autoScriptVars` the server's own are kept.
 */
function undeclaredBindings(launchPoints: readonly LaunchPointDefinition[], variables: readonly MaximoRecord[]): string[] {
  if (variables.length === 0) return [];
  const declared = new Set(variables.map((v) => String(v.varname).toLowerCase()));
  const out: string[] = [];
  for (const lp of launchPoints) {
    const unknown = lp.vars.map((v) => String(v.varname)).filter((name) => !declared.has(name.toLowerCase()));
    if (unknown.length > 0) out.push(`Launch point ${String(lp.record.launchpointname)}: ${unknown.join(", ")} ${unknown.length === 1 ? "is" : "are"} not among the script's autoScriptVars, so the launch point cannot bind ${unknown.length === 1 ? "it" : "them"}.`);
  }
  return out;
}

/** What the application would not let an object launch point say: save with no operation, or more than one save context. */
function saveFlagWarnings(name: string, entries: ReadonlyMap<string, LiteralValue>): string[] {
  const on = (flag: string) => entries.get(flag) === true;
  const out: string[] = [];
  if (on("save") && !on("add") && !on("update") && !on("delete")) out.push(`Launch point ${name}: "save" names no operation (add, update or delete), so it runs on no save.`);
  const contexts = ["beforeSave", "afterSave", "afterCommit"].filter((flag) => on(flag.toLowerCase()));
  if (contexts.length > 1) out.push(`Launch point ${name}: ${contexts.join(" and ")} are both set; the Automation Scripts application offers one of them, and the server may run the script at each.`);
  return out;
}

function checkName(name: string, where: string): string {
  const upper = name.trim().toUpperCase();
  if (upper === "") throw new ConfigError(`${where} gives an empty script name.`);
  if (/["\s]/.test(upper)) throw new ConfigError(`${where} gives the script name "${name}"; a script name has no quotes or spaces.`);
  if (upper.length > 128) throw new ConfigError(`${where} gives a script name longer than 128 characters.`);
  return upper;
}

/** The definition a file gives, or a sentence saying why it cannot be deployed. */
export function readDefinition(path: string, source: string): DefinitionResult {
  const fileLanguage = languageOfFile(path);
  if (!fileLanguage) return { error: `${basename(path)} is not an automation script file. ${scriptFileHint}` };
  const family = familyOf(fileLanguage)!;
  const fileName = basename(path, extname(path));
  const found = findScriptConfig(source, family);
  if (found?.error) return { error: `${basename(path)}: ${found.error}` };
  const base = { source, attributes: {}, variables: [], launchPoints: [], warnings: [] as string[] };
  if (!found?.value) {
    try {
      return { definition: { ...base, name: checkName(fileName, "The file name"), nameFrom: "fileName", language: fileLanguage, languageFromConfig: false } };
    } catch (error) {
      return { error: `${basename(path)}: ${(error as Error).message}` };
    }
  }
  try {
    const entries = lowerKeys(found.value);
    // Sharptree's deploy deletes the script for `"_delete": true`; deploying the file instead would overwrite it.
    if (entries.get("_delete") === true) throw new ConfigError('scriptConfig asks to delete the script ("_delete": true); Maximo Workbench does not delete scripts: delete it in the Automation Scripts application, or remove "_delete" to deploy the file.');
    const warnings: string[] = [];
    const unknown = new Set<string>();
    const top = pick(entries, scriptKeys, "scriptConfig", unknown, scriptLists);
    if (unknown.size > 0) warnings.push(`scriptConfig settings not deployed: ${[...unknown].join(", ")}.`);
    const named = typeof top.autoscript === "string" && top.autoscript.trim() !== "";
    const name = checkName(named ? String(top.autoscript) : fileName, named ? "scriptConfig" : "The file name");
    const language = typeof top.scriptlanguage === "string" && top.scriptlanguage.trim() !== "" ? top.scriptlanguage.trim().toLowerCase() : fileLanguage;
    if (familyOf(language) !== family) {
      throw new ConfigError(`scriptConfig says scriptLanguage "${language}", which does not match a ${extname(path)} file.`);
    }
    const attributes: MaximoRecord = {};
    for (const key of ["description", "version", "loglevel"]) if (top[key] !== undefined) attributes[key] = top[key]!;
    if (top.active !== undefined && typeof top.active !== "boolean") throw new ConfigError('scriptConfig "active" must be true or false.');
    const invoking = top.allowinvokingscriptfunctions;
    if (invoking !== undefined && typeof invoking !== "boolean") throw new ConfigError('scriptConfig "allowInvokingScriptFunctions" must be true or false.');
    if (invoking !== undefined) attributes.interface = invoking;
    const variables = readVariables(entries.get("autoscriptvars") ?? entries.get("variables"), warnings);
    const lpUnknown = new Set<string>();
    const launchPoints = list(entries.get("scriptlaunchpoints"), "scriptConfig scriptLaunchPoints").map((lp, index) => readLaunchPoint(lp, index, lpUnknown, warnings));
    warnings.push(...undeclaredBindings(launchPoints, variables));
    if (lpUnknown.size > 0) warnings.push(`Launch point settings not deployed: ${[...lpUnknown].join(", ")}.`);
    const definition: ScriptDefinition = {
      ...base,
      name,
      nameFrom: named ? "scriptConfig" : "fileName",
      language,
      languageFromConfig: top.scriptlanguage !== undefined,
      attributes,
      variables,
      launchPoints,
      warnings,
    };
    if (typeof top.active === "boolean") definition.active = top.active;
    return { definition };
  } catch (error) {
    if (error instanceof ConfigError) return { error: `${basename(path)}: ${error.message}` };
    throw error;
  }
}
