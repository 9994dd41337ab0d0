/** AUTOSCRIPT, SCRIPTLAUNCHPOINT, AUTOSCRIPTVARS and LAUNCHPOINTVARS. */
import type { MboDef } from "../model/types";
import { attr, changeAttrs, longDescriptionAttrs, rel, uniqueIdAttr } from "./attributes";

export function autoscriptMbo(): MboDef {
  return {
    name: "autoscript",
    description: "Automation Scripts",
    keys: ["autoscript"],
    uniqueId: "autoscriptid",
    attributes: [
      uniqueIdAttr("autoscriptid"),
      attr("autoscript", "UPPER", 128, "Script", "Name of the automation script.", { required: true, readonlyAfterInsert: true }),
      attr("description", "ALN", 256, "Description", "Describes the script."),
      ...longDescriptionAttrs(),
      attr("scriptlanguage", "ALN", 20, "Script Language", "Language of the script, such as jython or javascript.", { required: true }),
      attr("source", "CLOB", 999999, "Source Code", "Source code of the script."),
      attr("status", "ALN", 20, "Status", "Status of the script.", { required: true, domainId: "AUTOSCRIPTSTATUS" }),
      attr("statusdate", "DATETIME", 10, "Status Date", "Date and time the status was last changed.", { required: true }),
      attr("active", "YORN", 1, "Active", "Indicates whether the script is active.", { required: true }),
      attr("loglevel", "UPPER", 10, "Log Level", "Level the script logs at, such as ERROR or DEBUG.", { required: true }),
      attr("version", "ALN", 20, "Version", "Version of the script."),
      attr("interface", "YORN", 1, "Allow Invoking Script Functions?", "Indicates whether other scripts may call the functions this script defines.", { required: true }),
      attr("userdefined", "YORN", 1, "User Defined", "Indicates whether the script was written by a user.", { required: true }),
      attr("createdby", "UPPER", 30, "Created By", "Person who created the script.", { required: true }),
      attr("createddate", "DATETIME", 10, "Created Date", "Date and time the script was created.", { required: true }),
      ...changeAttrs(),
    ],
    relationships: [
      rel("scriptlaunchpoint", "scriptlaunchpoint", [["autoscript", "autoscript"]]),
      rel("autoscriptvars", "autoscriptvars", [["autoscript", "autoscript"]]),
    ],
  };
}

export function scriptlaunchpointMbo(): MboDef {
  return {
    name: "scriptlaunchpoint",
    description: "Script Launch Points",
    keys: ["launchpointname"],
    uniqueId: "scriptlaunchpointid",
    attributes: [
      uniqueIdAttr("scriptlaunchpointid"),
      attr("launchpointname", "UPPER", 128, "Launch Point", "Name of the launch point.", { required: true, readonlyAfterInsert: true }),
      attr("autoscript", "UPPER", 128, "Script", "Script the launch point runs.", { required: true }),
      attr("description", "ALN", 256, "Description", "Describes the launch point."),
      attr("launchpointtype", "UPPER", 30, "Launch Point Type", "OBJECT, ATTRIBUTE, ACTION or CUSTOMCONDITION.", { required: true, domainId: "LAUNCHPOINTTYPE" }),
      attr("objectname", "UPPER", 30, "Object", "Object the launch point listens on."),
      attr("attributename", "UPPER", 50, "Attribute", "Attribute the launch point listens on."),
      // Bits as real servers store them: 1 initialize; before save add 2, update 4, delete 8; after save
      // 16/32/64; after commit 128/256/512; 1024 validate application; 2048/4096 allow creation/deletion.
      attr("objectevent", "INTEGER", 12, "Object Event", "Bit mask of the events the launch point runs on."),
      // One event per attribute launch point: 0 initialize access restriction, 1 initialize value, 2 validate, 3 retrieve list, 4 run action.
      attr("attributeevent", "INTEGER", 12, "Attribute Event", "Event an attribute launch point runs on."),
      attr("actionname", "UPPER", 30, "Action", "Action an action launch point runs as."),
      attr("condition", "ALN", 4000, "Condition", "Condition that must hold for the launch point to run."),
      attr("active", "YORN", 1, "Active", "Indicates whether the launch point is active.", { required: true }),
    ],
    relationships: [
      // Both keys: LAUNCHPOINTVARS.AUTOSCRIPT comes from the launch point, as the application sets it.
      rel("launchpointvars", "launchpointvars", [["launchpointname", "launchpointname"], ["autoscript", "autoscript"]]),
      rel("autoscript", "autoscript", [["autoscript", "autoscript"]]),
    ],
  };
}

export function autoscriptvarsMbo(): MboDef {
  return {
    name: "autoscriptvars",
    description: "Automation Script Variables",
    keys: ["autoscript", "varname"],
    uniqueId: "autoscriptvarsid",
    attributes: [
      uniqueIdAttr("autoscriptvarsid"),
      attr("autoscript", "UPPER", 128, "Script", "Script the variable belongs to.", { required: true }),
      attr("varname", "ALN", 100, "Variable", "Name of the variable in the script.", { required: true }),
      attr("description", "ALN", 256, "Description", "Describes the variable."),
      attr("vartype", "UPPER", 10, "Variable Type", "IN, OUT or INOUT.", { required: true, domainId: "SCRIPTVARTYPE" }),
      attr("varbindingtype", "UPPER", 10, "Binding Type", "What the variable is bound to.", { required: true, domainId: "VARBINDINGTYPE" }),
      attr("varbindingvalue", "ALN", 256, "Binding Value", "Attribute, literal or property the variable is bound to."),
      attr("literaldatatype", "UPPER", 10, "Literal Data Type", "Data type of a literal binding, such as ALN or INTEGER."),
      attr("allowoverride", "YORN", 1, "Override Allowed", "Indicates whether a launch point may rebind the variable.", { required: true }),
      attr("novalidation", "YORN", 1, "No Validation", "Indicates whether setting the attribute skips validation.", { required: true }),
      attr("noaccesscheck", "YORN", 1, "No Access Check", "Indicates whether setting the attribute skips the access check.", { required: true }),
      attr("noaction", "YORN", 1, "No Action", "Indicates whether setting the attribute skips its actions.", { required: true }),
    ],
    relationships: [rel("autoscript", "autoscript", [["autoscript", "autoscript"]])],
  };
}

export function launchpointvarsMbo(): MboDef {
  return {
    name: "launchpointvars",
    description: "Launch Point Variables",
    keys: ["launchpointname", "varname"],
    uniqueId: "launchpointvarsid",
    attributes: [
      uniqueIdAttr("launchpointvarsid"),
      attr("launchpointname", "UPPER", 128, "Launch Point", "Launch point that binds the variable.", { required: true }),
      attr("autoscript", "UPPER", 128, "Script", "Script of the launch point.", { required: true }),
      attr("varname", "ALN", 100, "Variable", "Variable the launch point rebinds.", { required: true }),
      attr("varbindingvalue", "ALN", 256, "Binding Value", "Value the variable is bound to for this launch point."),
    ],
    relationships: [rel("scriptlaunchpoint", "scriptlaunchpoint", [["launchpointname", "launchpointname"]])],
  };
}
