/** DOCLINKS: attachments linked to any record through ownertable + ownerid. */
import type { MboDef } from "../model/types";
import { attr, uniqueIdAttr } from "./attributes";

export function doclinksMbo(): MboDef {
  return {
    name: "doclinks",
    description: "Document Links",
    keys: ["doclinksid"],
    uniqueId: "doclinksid",
    attributes: [
      uniqueIdAttr("doclinksid"),
      attr("document", "UPPER", 20, "Document", "Name of the attached document.", { required: true }),
      attr("doctype", "ALN", 16, "Document Folder", "Attachment folder, such as Attachments or Images.", { required: true }),
      attr("ownertable", "UPPER", 30, "Owner Table", "Object the document is attached to.", { required: true }),
      attr("ownerid", "BIGINT", 19, "Owner ID", "Unique id of the record the document is attached to.", { required: true }),
      attr("description", "ALN", 254, "Description", "Describes the document."),
      attr("urltype", "UPPER", 8, "URL Type", "FILE or WWW.", { domainId: "URLTYPE" }),
      attr("urlname", "ALN", 256, "URL/File Name", "File name or URL of the document."),
      attr("weburl", "ALN", 256, "Web URL", "URL of the document.", { persistent: false }),
      // Reference §16.5: "the documentdata attribute has the base64 encoded document" of a FILE attachment sent inline.
      attr("documentdata", "CLOB", 999999, "Document Data", "The document's content, base64 encoded, when it is attached inline.", { persistent: false }),
      attr("docinfoid", "BIGINT", 19, "Document Info", "Document information record."),
      attr("getlatestversion", "YORN", 1, "Get Latest Version", "Indicates whether the link follows the latest version.", { required: true }),
      attr("printthrulink", "YORN", 1, "Print with Work Pack", "Indicates whether the document prints with the work pack.", { required: true }),
      attr("copylinktowo", "YORN", 1, "Copy Link to WO", "Indicates whether the link is copied to work orders.", { required: true }),
      attr("createby", "UPPER", 30, "Created By", "Person who attached the document.", { required: true }),
      attr("createdate", "DATETIME", 10, "Created Date", "Date and time the document was attached.", { required: true }),
      attr("changeby", "UPPER", 30, "Changed By", "Person who last changed the link.", { required: true }),
      attr("changedate", "DATETIME", 10, "Changed Date", "Date and time the link was last changed.", { required: true }),
    ],
    relationships: [],
  };
}
