/**
 * Automation scripts with launch points and variables: COUNTOFWOANDSR from JSON API reference
 * §14, a hello-world API script, and the object/attribute/action scripts sites typically write.
 */
import type { Store } from "../store/store";
import { dayMs, maximoDateTime, seedBaseTime } from "./seedRandom";

interface ScriptSeed {
  autoscript: string;
  description: string;
  scriptlanguage: string;
  status: "Draft" | "Active" | "Inactive";
  source: string;
  vars?: Array<{ varname: string; vartype: string; varbindingtype: string; varbindingvalue: string | null; literaldatatype?: string }>;
  launchpoints?: Array<{
    launchpointname: string;
    launchpointtype: string;
    objectname: string | null;
    attributename?: string;
    objectevent?: number;
    attributeevent?: number;
    condition?: string;
    description: string;
    vars?: Array<[string, string]>;
  }>;
}

const countOfWoAndSr = `importPackage(Packages.psdi.server);

var resp = {};
var site = request.getQueryParam("site");
var woset = MXServer.getMXServer().getMboSet("workorder", request.getUserInfo());
woset.setQbe("siteid", "=" + site);
var woCount = woset.count();
resp.wocount = woCount;

var srset = MXServer.getMXServer().getMboSet("sr", request.getUserInfo());
srset.setQbe("siteid", "=" + site);
var srCount = srset.count();
resp.srcount = srCount;
resp.total = srCount + woCount;

var responseBody = JSON.stringify(resp);
`;

const hello = `# Hello world REST script: GET /oslc/script/mxwb_hello?name=you
from com.ibm.json.java import JSONObject

name = request.getQueryParam("name")
if name is None:
    name = request.getUserInfo().getUserName()

resp = JSONObject()
resp.put("message", "Hello, " + name + "!")
resp.put("user", request.getUserInfo().getUserName())
responseBody = resp.serialize(True)
`;

const validatePriority = `# Object launch point on WORKORDER save: emergency work needs priority 1 or 2.
from psdi.util import MXApplicationException

if worktype == "EM" and (wopriority is None or wopriority > maxpri):
    params = [str(maxpri)]
    raise MXApplicationException("workorder", "empriority", params)
`;

const assetStatus = `# Attribute launch point on ASSET.STATUS: a decommissioned asset is no longer running.
if status == "DECOMMISSIONED":
    isrunning_modified = True
    mbo.setValue("isrunning", False, 11L)
    service.log("Asset " + mbo.getString("assetnum") + " decommissioned by " + user)
`;

const defaultWorktype = `// Object launch point on WORKORDER init (new records): default the work type.
if (mbo.toBeAdded() && !mbo.getString("worktype")) {
    mbo.setValue("worktype", defworktype, 2);
}
`;

const closeAction = `# Action launch point: close a completed work order from an escalation.
from psdi.mbo import MboConstants

if mbo.getString("status") == "COMP":
    mbo.changeStatus("CLOSE", MXServer.getMXServer().getDate(), "Closed by MXWB_CLOSE_WO", MboConstants.NOACCESSCHECK)
`;

const dateLib = `// Library script: date helpers imported by other scripts.
function daysBetween(from, to) {
    return Math.floor((to.getTime() - from.getTime()) / 86400000);
}

function startOfDay(date) {
    var d = new Date(date.getTime());
    d.setHours(0, 0, 0, 0);
    return d;
}
`;

const scripts: ScriptSeed[] = [
  { autoscript: "COUNTOFWOANDSR", description: "Count of in-progress work orders and service requests for a site", scriptlanguage: "javascript", status: "Active", source: countOfWoAndSr },
  { autoscript: "MXWB_HELLO", description: "Hello world REST API script", scriptlanguage: "jython", status: "Active", source: hello },
  {
    autoscript: "WO_VALIDATE_PRIORITY", description: "Emergency work orders need a high priority", scriptlanguage: "jython", status: "Active", source: validatePriority,
    vars: [
      { varname: "worktype", vartype: "IN", varbindingtype: "ATTRIBUTE", varbindingvalue: "WORKTYPE" },
      { varname: "wopriority", vartype: "IN", varbindingtype: "ATTRIBUTE", varbindingvalue: "WOPRIORITY" },
      { varname: "maxpri", vartype: "IN", varbindingtype: "LITERAL", varbindingvalue: "2", literaldatatype: "INTEGER" },
    ],
    launchpoints: [{ launchpointname: "WOVALIDATEPRI", launchpointtype: "OBJECT", objectname: "WORKORDER", objectevent: 6, description: "Validate priority before save", vars: [["maxpri", "2"]] }],
  },
  {
    autoscript: "ASSET_STATUS_CHANGE", description: "Stop a decommissioned asset", scriptlanguage: "jython", status: "Active", source: assetStatus,
    vars: [
      { varname: "status", vartype: "IN", varbindingtype: "ATTRIBUTE", varbindingvalue: "STATUS" },
      { varname: "isrunning", vartype: "OUT", varbindingtype: "ATTRIBUTE", varbindingvalue: "ISRUNNING" },
    ],
    launchpoints: [{ launchpointname: "ASSETSTATUSCHG", launchpointtype: "ATTRIBUTE", objectname: "ASSET", attributename: "STATUS", attributeevent: 2, description: "Run when the asset status changes" }],
  },
  {
    autoscript: "WO_DEFAULT_WORKTYPE", description: "Default the work type on new work orders", scriptlanguage: "javascript", status: "Draft", source: defaultWorktype,
    vars: [{ varname: "defworktype", vartype: "IN", varbindingtype: "LITERAL", varbindingvalue: "CM", literaldatatype: "ALN" }],
    launchpoints: [{ launchpointname: "WODEFWORKTYPE", launchpointtype: "OBJECT", objectname: "WORKORDER", objectevent: 1, condition: "woclass='WORKORDER'", description: "Default work type on init", vars: [["defworktype", "PM"]] }],
  },
  {
    autoscript: "MXWB_CLOSE_WO", description: "Close a completed work order", scriptlanguage: "jython", status: "Inactive", source: closeAction,
    launchpoints: [{ launchpointname: "MXWBCLOSEWO", launchpointtype: "ACTION", objectname: "WORKORDER", description: "Close completed work order action" }],
  },
  { autoscript: "LIB_DATE_UTILS", description: "Date helper library", scriptlanguage: "javascript", status: "Active", source: dateLib },
];

export function seedScripts(store: Store): void {
  scripts.forEach((script, index) => {
    const created = maximoDateTime(seedBaseTime - (120 - index * 10) * dayMs);
    store.insert("autoscript", {
      autoscript: script.autoscript, description: script.description, hasld: false, description_longdescription: null,
      scriptlanguage: script.scriptlanguage, source: script.source, status: script.status, statusdate: created,
      active: script.status === "Active", loglevel: "ERROR", version: null, interface: false, userdefined: true,
      createdby: "MAXADMIN", createddate: created, changeby: "MAXADMIN", changedate: created,
    });
    for (const v of script.vars ?? []) {
      store.insert("autoscriptvars", {
        autoscript: script.autoscript, varname: v.varname, description: null, vartype: v.vartype,
        varbindingtype: v.varbindingtype, varbindingvalue: v.varbindingvalue, literaldatatype: v.literaldatatype ?? null,
        allowoverride: v.varbindingtype === "LITERAL", novalidation: false, noaccesscheck: false, noaction: false,
      });
    }
    for (const lp of script.launchpoints ?? []) {
      store.insert("scriptlaunchpoint", {
        launchpointname: lp.launchpointname, autoscript: script.autoscript, description: lp.description,
        launchpointtype: lp.launchpointtype, objectname: lp.objectname, attributename: lp.attributename ?? null,
        objectevent: lp.objectevent ?? null, attributeevent: lp.attributeevent ?? null, condition: lp.condition ?? null, actionname: lp.launchpointtype === "ACTION" ? lp.launchpointname : null,
        active: script.status === "Active",
      });
      for (const [varname, value] of lp.vars ?? []) {
        store.insert("launchpointvars", { launchpointname: lp.launchpointname, autoscript: script.autoscript, varname, varbindingvalue: value });
      }
    }
  });
}
