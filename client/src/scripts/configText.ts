/**
 * A server script as a file: its source as stored, plus a generated `scriptConfig` (name,
 * description, version, active, log level, variables, launch points) when the source has none,
 * so the file deploys back to the same thing. A source that already has one is left byte for
 * byte as the server holds it: that is what makes deploy → extract round-trip exactly.
 */
import type { AttributeValue, MaximoRecord } from "./definition";
import { extensionOf, familyOf, type LanguageFamily } from "./language";
import { flagOfAttributeEvent, flagsOfObjectEvent } from "./launchPointEvents";
import { findScriptConfig } from "./scriptConfig";
import type { ServerScript } from "./serverScript";

type ConfigObject = { [key: string]: AttributeValue | ConfigObject | ConfigObject[] };

/** Attribute → scriptConfig key, in the order written. */
const variableKeys: Array<[string, string]> = [
  ["varname", "varname"],
  ["description", "description"],
  ["vartype", "varType"],
  ["varbindingtype", "varBindingType"],
  ["varbindingvalue", "varBindingValue"],
  ["literaldatatype", "literalDataType"],
  ["allowoverride", "allowOverride"],
  ["novalidation", "noValidation"],
  ["noaccesscheck", "noAccessCheck"],
  ["noaction", "noAction"],
];
const launchPointKeys: Array<[string, string]> = [
  ["launchpointname", "launchPointName"],
  ["launchpointtype", "launchPointType"],
  ["active", "active"],
  ["description", "description"],
  ["objectname", "objectName"],
  ["attributename", "attributeName"],
  ["condition", "condition"],
  ["actionname", "actionName"],
];
const launchPointVarKeys: Array<[string, string]> = [
  ["varname", "varName"],
  ["varbindingvalue", "varBindingValue"],
  ["literaldatatype", "literalDataType"],
];

function copy(record: MaximoRecord, keys: Array<[string, string]>): ConfigObject {
  const out: ConfigObject = {};
  for (const [attribute, key] of keys) {
    const value = record[attribute];
    if (value !== undefined && value !== null && value !== "") out[key] = value;
  }
  return out;
}

export function isActive(script: Pick<ServerScript, "status" | "attributes">): boolean {
  if (script.status !== undefined) return script.status.toUpperCase() === "ACTIVE";
  return script.attributes.active === true;
}

/** The scriptConfig object describing a server script. */
export function configOf(script: ServerScript): ConfigObject {
  const config: ConfigObject = { autoscript: script.name };
  const { description, version, loglevel } = script.attributes;
  if (description) config.description = description;
  if (version) config.version = version;
  config.active = isActive(script);
  if (loglevel) config.logLevel = loglevel;
  if (script.attributes.interface === true) config.allowInvokingScriptFunctions = true;
  const extension = extensionOf(script.language);
  // The file's extension says jython or javascript; other spellings (nashorn, python) are kept.
  if (extension === undefined || !["jython", "javascript"].includes(script.language.toLowerCase())) config.scriptLanguage = script.language;
  if (script.variables.length > 0) config.autoScriptVars = script.variables.map((v) => copy(v, variableKeys));
  if (script.launchPoints.length > 0) {
    config.scriptLaunchPoints = script.launchPoints.map((lp) => {
      const out = copy(lp.record, launchPointKeys);
      const attributeFlag = typeof lp.record.attributeevent === "number" ? flagOfAttributeEvent(lp.record.attributeevent) : undefined;
      if (attributeFlag) out[attributeFlag] = true;
      else if (typeof lp.record.attributeevent === "number") out.attributeEvent = lp.record.attributeevent;
      const event = lp.record.objectevent;
      if (typeof event === "number") {
        const flags = String(lp.record.launchpointtype).toUpperCase() === "OBJECT" ? flagsOfObjectEvent(event) : undefined;
        if (flags) for (const [flag, on] of flags) out[flag] = on;
        else out.objectEvent = event;
      }
      if (lp.vars.length > 0) out.launchPointVars = lp.vars.map((v) => copy(v, launchPointVarKeys));
      return out;
    });
  }
  return config;
}

/** The assignment statement, as the deploy tooling's files write it. */
export function configStatement(config: ConfigObject, family: LanguageFamily): string {
  const json = JSON.stringify(config, null, 4);
  if (family === "javascript") return `var scriptConfig = ${json};\n`;
  // Inside a Python string a backslash escapes: doubled, Python hands the JSON back unchanged.
  return `scriptConfig = """${json.replace(/\\/g, "\\\\")}"""\n`;
}

/** The file text for a server script: its source, with a scriptConfig appended when it has none. */
export function fileTextOf(script: ServerScript): string {
  const family = familyOf(script.language) ?? "python";
  if (findScriptConfig(script.source, family)) return script.source;
  const source = script.source === "" || script.source.endsWith("\n") ? script.source : `${script.source}\n`;
  return `${source}${source === "" ? "" : "\n"}${configStatement(configOf(script), family)}`;
}
