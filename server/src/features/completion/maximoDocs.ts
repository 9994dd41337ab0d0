/**
 * What Maximo's REST API accepts besides the query languages: query parameters, headers and
 * directives, each with a short doc. Shared by completion and hover.
 */
export interface NamedDoc {
  name: string;
  doc: string;
}

export const QUERY_PARAMS: readonly NamedDoc[] = [
  { name: "oslc.where", doc: "Filters the records: `status=\"APPR\" and siteid=\"BEDFORD\"`. Maximo has no `or` (use `in [..]` or `opmodeor=1`)." },
  { name: "oslc.select", doc: "Attributes to return: `wonum,status,asset.assettype,wplabor{laborcode}` or `*`." },
  { name: "oslc.orderBy", doc: "Sort order; every attribute needs a sign: `-statusdate,+wonum`." },
  { name: "oslc.pageSize", doc: "Records per page; the response links the next page in `responseInfo.nextPage`." },
  { name: "lean", doc: "`lean=1`: plain JSON with lower-case names and no `spi:`/`oslc:` prefixes." },
  { name: "collectioncount", doc: "`collectioncount=1`: adds `responseInfo.totalCount` (costs a count query)." },
  { name: "count", doc: "`count=1`: returns only the number of matching records." },
  { name: "savedQuery", doc: "Runs a saved query of the object structure (case-sensitive name from apimeta)." },
  { name: "oslc.searchTerms", doc: "Full-text search over the object structure's search attributes: `oslc.searchTerms=\"pump\",\"motor\"`." },
  { name: "tlrange", doc: "Timeline filter with `tlattribute`: `tlrange=-3M&tlattribute=reportdate` (the last three months; `+-3Y` around today)." },
  { name: "tlattribute", doc: "The date attribute of a timeline filter: `tlattribute=reportdate` (or `reportdate=<iso date>` to index on that date)." },
  { name: "attributesearch", doc: "Classification attribute search: `attributesearch=[SPEED:>=50;AREA]`." },
  { name: "querytemplate", doc: "Applies a query template (its page size, search and timeline attributes, selected attributes): `querytemplate=1001`." },
  { name: "_fd", doc: "Applies a table domain's list where clause: `_fd=<maxtabledomain>&_fdsite=BEDFORD`." },
  { name: "stablepaging", doc: "`stablepaging=true`: pages stay stable while records change (server keeps a cursor)." },
  { name: "_dropnulls", doc: "`_dropnulls=0`: keeps attributes with null values in the response." },
  { name: "gbcols", doc: "Group-by columns and aggregates: `gbcols=status,count.*,sum.estlabhrs`." },
  { name: "gbfilters", doc: "Filter on the grouped result (a where clause over aggregates)." },
  { name: "gbsortby", doc: "Sort of the grouped result: `gbsortby=-count`." },
  { name: "opmodeor", doc: "`opmodeor=1`: joins the `oslc.where` terms with `or` instead of `and`." },
  { name: "_format", doc: "Response format: `_format=csv` (with `oslc.select`) or `json`." },
  { name: "domaininternalwhere", doc: "Filters by synonym internal values: `domaininternalwhere=status in [\"APPR\"]`." },
  { name: "pageno", doc: "The page to return (from 1), with `oslc.pageSize`." },
  { name: "relativeuri", doc: "`relativeuri=1`: links in the response are relative." },
  { name: "ignorecollectionref", doc: "`ignorecollectionref=1`: leaves the collection reference out of the response." },
];

export const RELATION_WHERE_PARAM: NamedDoc = {
  name: "<obj>.<rel>.where",
  doc: "Filters a child collection of the selected records: `mxapiwodetail.wplabor.where=laborcode=\"WILSON\"`.",
};

export const HEADERS: readonly NamedDoc[] = [
  { name: "x-method-override", doc: "Turns a POST into `PATCH` (update), `BULK` (array body) or `DELETE`." },
  { name: "patchtype", doc: "`MERGE`: child arrays in the body are merged instead of replacing the existing children." },
  { name: "properties", doc: "Attributes to return after a create or update: `*` or `wonum,status`." },
  { name: "transactionid", doc: "A unique id per write: Maximo applies a retried request only once." },
  { name: "If-Match", doc: "The record's ETag: the update fails with 412 if someone changed it since." },
  { name: "slug", doc: "File name of an attachment being uploaded." },
  { name: "x-document-meta", doc: "Attachment folder and type: `FILE/Attachments`." },
  { name: "x-document-description", doc: "Description of an uploaded attachment." },
  { name: "apikey", doc: "Maximo API key authentication." },
  { name: "maxauth", doc: "Native Maximo authentication: base64 of `user:password`." },
  { name: "Content-Type", doc: "Media type of the body, usually `application/json`." },
];

export const HEADER_VALUES: ReadonlyMap<string, readonly string[]> = new Map([
  ["x-method-override", ["PATCH", "BULK", "DELETE"]],
  ["patchtype", ["MERGE"]],
  ["properties", ["*"]],
  ["content-type", ["application/json", "multipart/form-data", "text/csv"]],
]);

export const DIRECTIVES: readonly NamedDoc[] = [
  { name: "name", doc: "Names the request so others can read `{{name.response...}}`." },
  { name: "connection", doc: "The connection (from maximo.connections.json) to send to." },
  { name: "timeout", doc: "Request timeout: `30s`, `500ms`, `2m`." },
  { name: "expect", doc: "An assertion on the response: `status 200`, `header content-type contains json`, `body.member.length > 0`." },
  { name: "all-pages", doc: "Follows `nextPage` links and gathers every page." },
  { name: "no-redirect", doc: "Does not follow redirects." },
  { name: "verify", doc: "After a single-record update (POST with `x-method-override: PATCH` to a member href) answers 2xx, reads the record back and fails the request when a value sent is not what the server holds (a key it silently ignored)." },
  { name: "server-log", doc: "Captures the server's thread log (sql, oslc, integration and script loggers) while this request runs and shows it with the response (reference §23)." },
  { name: "prompt", doc: "Asks for a variable's value before sending." },
  { name: "note", doc: "Asks for confirmation before sending." },
];

const byLowerName = (list: readonly NamedDoc[]) => new Map(list.map((d) => [d.name.toLowerCase(), d]));
export const QUERY_PARAM_BY_NAME = byLowerName(QUERY_PARAMS);
export const HEADER_BY_NAME = byLowerName(HEADERS);
