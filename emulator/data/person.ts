/** PERSON and MAXUSER. */
import type { MboDef } from "../model/types";
import { attr, longDescriptionAttrs, rel, uniqueIdAttr } from "./attributes";

export function personMbo(): MboDef {
  return {
    name: "person",
    description: "Person",
    keys: ["personid"],
    uniqueId: "personuid",
    attributes: [
      uniqueIdAttr("personuid"),
      attr("personid", "UPPER", 30, "Person", "Identifies the person.", { required: true, readonlyAfterInsert: true }),
      attr("displayname", "ALN", 62, "Display Name", "Name shown for the person."),
      attr("firstname", "ALN", 30, "First Name", "First name of the person."),
      attr("lastname", "ALN", 30, "Last Name", "Last name of the person."),
      attr("title", "ALN", 62, "Title", "Job title of the person."),
      attr("status", "UPPER", 20, "Status", "Status of the person.", { required: true, domainId: "PERSONSTATUS" }),
      attr("statusdate", "DATETIME", 10, "Status Date", "Date and time the status was last changed.", { required: true }),
      attr("department", "ALN", 30, "Department", "Department of the person."),
      attr("supervisor", "UPPER", 30, "Supervisor", "Supervisor of the person."),
      attr("employeetype", "UPPER", 20, "Type", "Employment type."),
      attr("jobcode", "UPPER", 8, "Job Code", "Job code of the person."),
      attr("location", "UPPER", 12, "Location", "Work location of the person."),
      attr("locationsite", "UPPER", 8, "Site", "Site of the work location."),
      attr("locationorg", "UPPER", 8, "Organization", "Organization of the work location."),
      attr("city", "ALN", 36, "City", "City of the person's address."),
      attr("stateprovince", "ALN", 36, "State/Province", "State or province of the person's address."),
      attr("country", "ALN", 36, "Country", "Country of the person's address."),
      attr("language", "ALN", 4, "Language", "Preferred language."),
      attr("birthdate", "DATE", 4, "Birth Date", "Date of birth."),
      attr("primaryemail", "ALN", 100, "Primary E-mail", "Primary e-mail address.", { persistent: false }),
      attr("primaryphone", "ALN", 20, "Primary Phone", "Primary phone number.", { persistent: false }),
      attr("acceptingwfmail", "YORN", 1, "Accepts Workflow Mail", "Indicates whether the person accepts workflow e-mail.", { required: true }),
      ...longDescriptionAttrs(),
    ],
    relationships: [
      rel("maxuser", "maxuser", [["personid", "personid"]]),
      rel("supervisorperson", "person", [["supervisor", "personid"]]),
    ],
  };
}

export function maxuserMbo(): MboDef {
  return {
    name: "maxuser",
    description: "User",
    keys: ["userid"],
    uniqueId: "maxuserid",
    attributes: [
      uniqueIdAttr("maxuserid"),
      attr("userid", "UPPER", 30, "User", "Identifies the user.", { required: true, readonlyAfterInsert: true }),
      attr("loginid", "ALN", 50, "Login ID", "Name the user signs in with.", { required: true }),
      attr("personid", "UPPER", 30, "Person", "Person the user is.", { required: true }),
      attr("status", "UPPER", 20, "Status", "Status of the user.", { required: true, domainId: "MAXUSERSTATUS" }),
      attr("type", "UPPER", 20, "Type", "User type for licensing."),
      attr("defsite", "UPPER", 8, "Default Insert Site", "Site new records are created in."),
      attr("querywithsite", "YORN", 1, "Query with Default Site", "Indicates whether list queries use the default site.", { required: true }),
      attr("sysuser", "YORN", 1, "System Account", "Indicates whether the user is a system account.", { required: true }),
      attr("failedlogins", "INTEGER", 12, "Failed Logins", "Number of failed sign-in attempts."),
    ],
    relationships: [rel("person", "person", [["personid", "personid"]])],
  };
}
