/** SR (service requests; TICKET with class SR). */
import type { MboDef } from "../model/types";
import { attr, changeAttrs, doclinksRel, longDescriptionAttrs, orgAttr, rel, siteAttr, uniqueIdAttr } from "./attributes";

export function srMbo(): MboDef {
  return {
    name: "sr",
    description: "Service Request",
    keys: ["class", "ticketid"],
    uniqueId: "ticketuid",
    attributes: [
      uniqueIdAttr("ticketuid"),
      attr("ticketid", "UPPER", 10, "Service Request", "Identifies the ticket.", { required: true, readonlyAfterInsert: true }),
      attr("class", "UPPER", 16, "Class", "Class of the ticket, SR for service requests.", { required: true, readonlyAfterInsert: true }),
      attr("description", "ALN", 100, "Summary", "Summary of the service request."),
      ...longDescriptionAttrs(),
      attr("status", "UPPER", 10, "Status", "Status of the service request.", { required: true, domainId: "SRSTATUS" }),
      attr("statusdate", "DATETIME", 10, "Status Date", "Date and time the status was last changed.", { required: true }),
      siteAttr(false),
      orgAttr(false),
      attr("reportedby", "UPPER", 30, "Reported By", "Person who reported the request."),
      attr("reportdate", "DATETIME", 10, "Reported Date", "Date and time the request was reported."),
      attr("affectedperson", "UPPER", 30, "Affected Person", "Person affected by the issue."),
      attr("affectedphone", "ALN", 20, "Affected Phone", "Phone number of the affected person."),
      attr("affectedemail", "ALN", 100, "Affected E-mail", "E-mail of the affected person."),
      attr("reportedpriority", "INTEGER", 12, "Reported Priority", "Priority given by the reporter.", { domainId: "TICKETPRIORITY" }),
      attr("internalpriority", "INTEGER", 12, "Internal Priority", "Priority given by the service desk.", { domainId: "TICKETPRIORITY" }),
      attr("urgency", "INTEGER", 12, "Urgency", "Urgency of the request."),
      attr("impact", "INTEGER", 12, "Impact", "Impact of the issue."),
      attr("assetnum", "UPPER", 25, "Asset", "Asset the request is about."),
      attr("assetsiteid", "UPPER", 8, "Asset Site", "Site of the asset or location."),
      attr("location", "UPPER", 12, "Location", "Location the request is about."),
      attr("owner", "UPPER", 30, "Owner", "Person who owns the request."),
      attr("ownergroup", "UPPER", 8, "Owner Group", "Person group that owns the request."),
      attr("targetstart", "DATETIME", 10, "Target Start", "Date and time work is targeted to start."),
      attr("targetfinish", "DATETIME", 10, "Target Finish", "Date and time work is targeted to finish."),
      attr("actualstart", "DATETIME", 10, "Actual Start", "Date and time work actually started."),
      attr("actualfinish", "DATETIME", 10, "Actual Finish", "Date and time work actually finished."),
      attr("classstructureid", "UPPER", 20, "Classification", "Classification of the request."),
      attr("externalsystem", "UPPER", 10, "Source", "System the request came from."),
      attr("historyflag", "YORN", 1, "History", "Indicates whether the request is in history.", { required: true }),
      ...changeAttrs(),
    ],
    relationships: [
      rel("asset", "asset", [["assetnum", "assetnum"], ["assetsiteid", "siteid"]]),
      rel("location", "locations", [["location", "location"], ["assetsiteid", "siteid"]]),
      rel("workorder", "workorder", [["ticketid", "origrecordid"], ["class", "origrecordclass"]]),
      rel("reportedbyperson", "person", [["reportedby", "personid"]]),
      doclinksRel("sr", "ticketuid"),
    ],
  };
}
