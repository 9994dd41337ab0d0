// Schema diagnostics, one fixture per code, against the offline pack.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { parseDocument } from "../../../server/src/language/maximo/api";
import { createSchemaStore } from "../../../server/src/schema";
import { schemaDiagnostics } from "../../../server/src/features/schema/schemaDiagnostics";

const root = process.env.MAXIMO_WORKBENCH_ROOT ?? process.cwd();
const schemas = createSchemaStore({ packDir: join(root, "server", "schema-pack") });

function check(text: string) {
  const document = parseDocument(text);
  return schemaDiagnostics(document, schemas).map((d) => ({ code: d.code, message: d.message, text: document.text.slice(d.span.start, d.span.end) }));
}

function only(text: string, code: string) {
  const found = check(text);
  assert.deepEqual(found.map((d) => d.code), [code], JSON.stringify(found));
  return found[0]!;
}

test("clean requests against the pack give nothing", () => {
  assert.deepEqual(
    check(
      [
        'GET os/mxapiwodetail?lean=1&oslc.select=wonum,status,wplabor{laborcode}&oslc.where=status="APPR" and wopriority=1 and reportdate>="2024-01-31T00:00:00" and wplabor.laborcode="X"&oslc.orderBy=-wonum&oslc.pageSize=5&savedQuery=ASSIGNEDWOLIST',
        "",
        "###",
        "POST os/mxapiwodetail?lean=1",
        "",
        '{"wonum": "1001", "siteid": "BEDFORD", "description": "Pump", "wplabor": [{"laborcode": "X"}]}',
      ].join("\n"),
    ),
    [],
  );
});

test("schema.unknown-object-structure with did-you-mean", () => {
  const d = only("GET os/mxapiwodetial", "schema.unknown-object-structure");
  assert.equal(d.text, "mxapiwodetial");
  assert.match(d.message, /Did you mean `mxapiwodetail`/);
});

test("a name that looks right but holds an invisible character (pasted from a web page or chat) says which", () => {
  const structure = only("GET os/mxapi\u200bwodetail", "schema.unknown-object-structure");
  assert.match(structure.message, /It holds an invisible U\+200B \(zero-width space\)\. Did you mean `mxapiwodetail`\?/);
  const found = check('POST os/mxapiwodetail?lean=1\n\n{"site\u2060id": "BEDFORD", "descrip\u00adtion": "Pump"}');
  const bodyKeys = found.filter((d) => d.code === "schema.unknown-body-key").map((d) => d.message);
  assert.equal(bodyKeys.length, 2, JSON.stringify(found));
  assert.match(bodyKeys[0]!, /invisible U\+2060 \(word joiner\)\. Did you mean `siteid`\?/);
  assert.match(bodyKeys[1]!, /invisible U\+00AD \(soft hyphen\)\. Did you mean `description`\?/);
  // Inside a query name the language reports it (invisibleCharacters.test.ts) and the schema check
  // reads the name as it looks: `status` is known, `statuss` is not.
  assert.deepEqual(check("GET os/mxapiwodetail?oslc.select=sta\u200btus&oslc.where=sta\u200btus=\"APPR\"&oslc.orderBy=-sta\u200btus"), []);
  const misspelt = only("GET os/mxapiwodetail?oslc.select=sta\u200btuss", "schema.unknown-attribute");
  assert.equal(misspelt.text, "sta\u200btuss");
  assert.match(misspelt.message, /Did you mean `status`\?/);
  // Without one, the message is as before.
  assert.doesNotMatch(only("GET os/mxapiwodetial", "schema.unknown-object-structure").message, /invisible/);
});

test("schema.unknown-attribute in where, select, orderBy and through a child", () => {
  const found = check('GET os/mxapiwodetail?oslc.where=stauts="APPR"&oslc.select=wonum,descripton&oslc.orderBy=+wonm&oslc.select=wplabor.labrcode&oslc.where=someRel.x="1"');
  assert.deepEqual(found.map((d) => [d.code, d.text]), [
    ["schema.unknown-attribute", "stauts"],
    ["schema.unknown-attribute", "descripton"],
    ["schema.unknown-attribute", "wonm"],
    ["schema.unknown-attribute", "labrcode"],
  ]);
  assert.match(found[0]!.message, /Did you mean `status`/);
});

test("schema.value-type: quoted number, unquoted number for a string, bad date, YORN forms", () => {
  const found = check('GET os/mxapiwodetail?oslc.where=wopriority="1" and wonum=1001 and reportdate>="2024-13-01" and istask="Y"');
  assert.deepEqual(found.map((d) => [d.code, d.text]), [
    ["schema.value-type", '"1"'],
    ["schema.value-type", "1001"],
    ["schema.value-type", '"2024-13-01"'],
    ["schema.value-type", '"Y"'],
  ]);
});

test("bind values are the server's to resolve, a date one with an offset too (IBM MAF configuration practices, PMWOLIST)", () => {
  // reference §5 ("&USERNAME&"); IBM's technician app extends PMWOLIST with `schedfinish<="&SYSDAY&+7D"`.
  assert.deepEqual(check('GET os/mxapiwodetail?lean=1&savedQuery=PMWOLIST&oslc.where=schedfinish>="&SYSDAY&" and schedfinish<="&SYSDAY&+7D" and targstartdate>="&SYSDAY& - 30d" and reportedby="&USERNAME&"'), []);
  // A date that is neither stays a value to judge.
  assert.deepEqual(check('GET os/mxapiwodetail?oslc.where=schedfinish<="SYSDAY+7D"').map((d) => d.code), ["schema.value-type"]);
});

test("maximo.action-needs-override: wsmethod on a record without x-method-override (reference §13 Actions)", () => {
  // The practitioner guide's changeStatus call leaves the header out; reference §13 Actions says it is needed.
  const d = only('POST os/mxapiwodetail/_QkVERk9SRC8xMDAx?lean=1&action=wsmethod:changeStatus\nContent-Type: application/json\n\n{"status": "APPR"}', "maximo.action-needs-override");
  assert.equal(d.text, "wsmethod:changeStatus");
  assert.match(d.message, /x-method-override: PATCH/);
  assert.deepEqual(check('POST os/mxapiwodetail/_QkVERk9SRC8xMDAx?lean=1&action=wsmethod:approve\nx-method-override: PATCH\n\n{"memo": "x"}'), []);
  // On the collection a method is no record's; a BULK override is a choice of its own.
  assert.deepEqual(check('POST os/mxapiwodetail?lean=1&action=wsmethod:approve\n\n{"memo": "x"}').map((x) => x.code), []);
  assert.deepEqual(check('POST os/mxapiwodetail/_QkVERk9SRC8xMDAx?lean=1&action=wsmethod:approve\nx-method-override: BULK\n\n[]').filter((x) => x.code === "maximo.action-needs-override"), []);
});

test("schema.not-in-non-aln", () => {
  only('GET os/mxapiwodetail?oslc.where=wopriority!="[1,2]"', "schema.not-in-non-aln");
});

// The key's spelling (a prefix with lean=1, a bare name without) is no unknown attribute: codes of
// their own (PRODUCT.md real-server facts; silentBodyKeys.test.ts), whatever the schemas know.
test("schema.unknown-body-key: unknown; spi: with lean and bare without lean have their own codes", () => {
  const lean = check('POST os/mxapiwodetail/_QkVERk9SRC8xMDAx?lean=1\nx-method-override: PATCH\n\n{"descripion": "x", "spi:status": "APPR"}');
  assert.deepEqual(lean.map((d) => [d.code, d.text]), [
    ["schema.unknown-body-key", '"descripion"'],
    ["maximo.lean-prefixed-key", '"spi:status"'],
  ]);
  assert.match(lean[0]!.message, /Did you mean `description`/);
  const prefixed = check('POST os/mxapiwodetail/_QkVERk9SRC8xMDAx\nx-method-override: PATCH\n\n{"status": "APPR", "spi:description": "x"}');
  assert.deepEqual(prefixed.map((d) => [d.code, d.text]), [["maximo.bare-key-without-lean", '"status"']]);
});

test("maximo.bare-key-without-lean is said once per body, on its first bare key, naming the others", () => {
  // The JSON API reference's own §11 update, which assumes lean set at login (its line 37).
  const found = check('POST os/mxapiasset/_QVNTRVQxL0JFREZPUkQ-\nx-method-override: PATCH\nproperties: *\n\n{"location": "BR300", "description": "test asset desc", "status": "OPERATING", "siteid": "BEDFORD", "priority": 1, "assettype": "PUMP"}');
  assert.deepEqual(found.map((d) => [d.code, d.text]), [["maximo.bare-key-without-lean", '"location"']]);
  assert.match(found[0]!.message, /`spi:location` \(and alike `description`, `status`, `siteid`, `priority`, 1 more\)/);
});

test("schema.max-length", () => {
  const d = only(`POST os/mxapiwodetail/_QkVERk9SRC8xMDAx?lean=1\nx-method-override: PATCH\n\n{"siteid": "TOOLONGSITE"}`, "schema.max-length");
  assert.match(d.message, /at most 8 characters/);
});

test("schema.missing-required on a create only; the autonumbered key (wonum) is not asked for", () => {
  const d = only('POST os/mxapiwodetail?lean=1\n\n{"description": "Pump"}', "schema.missing-required");
  assert.match(d.message, /attribute of `[^`]+`: siteid\./);
  assert.doesNotMatch(d.message, /wonum/);
  assert.deepEqual(check('POST os/mxapiwodetail?lean=1\nx-method-override: PATCH\n\n{"description": "Pump"}'), []);
});

test("schema.missing-required leaves out what the server fills: a stated default (&SYSDATE&, &USERNAME&, a dictionary value) and the audit fields", () => {
  // A script create as public clients (and our own Deploy, client/src/scripts/deployPlan.ts) send it:
  // createdby/createddate are filled from the login and the clock, loglevel from its default (ERROR).
  const create = 'POST os/mxapiautoscript?lean=1\n\n{"autoscript": "MYSCRIPT", "description": "My script", "scriptlanguage": "python", "source": "responseBody = 1"}';
  assert.deepEqual(check(create).filter((d) => d.code === "schema.missing-required"), []);
  // What no default covers is still asked for.
  const d = only('POST os/mxapiautoscript?lean=1\n\n{"autoscript": "MYSCRIPT"}', "schema.missing-required");
  assert.match(d.message, /: scriptlanguage\./);
});

test("the reference's own examples name no unknown attribute: §13 `oslc.select=allowedactions`, §11 assetmeter's linearassetid", () => {
  assert.deepEqual(check('GET os/mxwo?oslc.where=wonum="1001"&oslc.select=allowedactions').map((d) => d.code), []);
  const merge = 'POST os/mxasset/_QVNTRVQxL0JFREZPUkQ-?lean=1\nx-method-override: PATCH\npatchtype: MERGE\nproperties: *\n\n{"description": "test asset desc", "assetmeter": [{"metername": "TEMP-F", "linearassetid": 0, "newreading": "10"}]}';
  assert.deepEqual(check(merge).map((d) => d.code), []);
  // §16.5: an attachment created with the record, "the documentdata attribute has the base64 encoded document".
  const attach = 'POST os/mxapiasset?lean=1\nproperties: *\n\n{"assetnum":"HGTEST299","siteid":"BEDFORD","doclinks":[{"urltype":"FILE","documentdata":"aGV5IGhvdyBhcmUgeW91","doctype":"Attachments","urlname":"greetingsabcd.txt"}]}';
  assert.deepEqual(check(attach).map((d) => d.code), []);
});

test("MXAPIWO, the out-of-the-box work order API structure public MAS collections query, is in the pack", () => {
  assert.deepEqual(check('GET os/mxapiwo?lean=1&oslc.where=status="APPR"&oslc.select=wonum,description,status').map((d) => d.code), []);
});

test("schema.unknown-attribute on a select's child names a child object or relationship, not an attribute", () => {
  const d = only("GET os/mxapiwodetail?oslc.select=wonum,nosuchrel{name}", "schema.unknown-attribute");
  assert.match(d.message, /child object or relationship `nosuchrel`/);
});

test("maximo.query-param-case and maximo.unknown-query-param", () => {
  // The JSON API reference's query-template request, as it writes it (maximo-json-api-reference.txt, query templates).
  assert.deepEqual(check('GET os/mxasset?querytemplate=1001&oslc.searchTerm="PUMP"&tlrange=-3M&collectioncount=1').filter((d) => d.code.startsWith("maximo.")), []);
  assert.deepEqual(check('GET os/mxasset?oslc.searchTerms="PUMP"').filter((d) => d.code.startsWith("maximo.")), []);
  const found = check("GET os/mxapiwodetail?oslc.pagesize=5&oslc.selects=wonum");
  assert.deepEqual(found.map((d) => d.code), ["maximo.query-param-case", "maximo.unknown-query-param"]);
  assert.match(found[0]!.message, /Did you mean `oslc.pageSize`/);
  assert.match(found[1]!.message, /Did you mean `oslc.select`/);
});

test("savedQuery in another case and a mistyped `oslc.` dot: parameters Maximo ignores without an error", () => {
  // Reference §21.2: "This parameter is case-sensitive. If you apply SAVEDQUERY or savedquery, the parameter is ignored".
  for (const key of ["savedquery", "SAVEDQUERY"]) {
    const d = only(`GET os/mxapiwodetail?${key}=APPROVEWORK&oslc.pageSize=1`, "maximo.query-param-case");
    assert.match(d.message, /Maximo reads `savedQuery`/);
    // The value of a parameter that has no effect is not checked against apimeta.
    assert.deepEqual(check(`GET os/mxapiwodetail?${key}=NOSUCHQUERY`).map((x) => x.code), ["maximo.query-param-case"]);
  }
  assert.deepEqual(check("GET os/mxapiwodetail?savedQuery=ASSIGNEDWOLIST").map((x) => x.code), []);
  // Reference §13 writes `oslc,select=allowedactions`: silently ignored.
  const typo = only("GET os/mxwo?oslc,select=allowedactions", "maximo.unknown-query-param");
  assert.match(typo.message, /`oslc,select` is not a parameter Maximo knows.*Did you mean `oslc.select`/);
});

test("maximo.secret-in-query: an apikey or _lpwd in an object structure URL is written back into the response's links", () => {
  const d = only("@key = k\nGET os/mxapiasset?lean=1&apikey={{key}}&oslc.pageSize=5", "maximo.secret-in-query");
  assert.match(d.message, /responseInfo, nextPage.*apikey` header/);
  assert.deepEqual(check("GET os/mxapiasset?_lid=wilson&_lpwd=x").map((x) => x.code), ["maximo.secret-in-query"]);
  assert.deepEqual(check("GET os/mxapiasset?password=x&token=y&lean=1").map((x) => x.code), ["maximo.secret-in-query", "maximo.secret-in-query"]);
  // Another API's apikey parameter is that API's business.
  assert.deepEqual(check("GET https://api.example.com/v1/items?apikey=x").map((x) => x.code), []);
});

test("schema.unknown-saved-query gives the exact-case name", () => {
  const d = only("GET os/mxapiwodetail?savedQuery=assignedwolist", "schema.unknown-saved-query");
  assert.match(d.message, /`ASSIGNEDWOLIST`/);
});

test("maximo.http-patch", () => {
  const d = only('PATCH os/mxapiwodetail/_QkVERk9SRC8xMDAx?lean=1\n\n{"description": "x"}', "maximo.http-patch");
  assert.match(d.message, /x-method-override: PATCH/);
});

test("maximo.http-patch only for Maximo's os/ API: any other API's PUT/PATCH is plain HTTP", () => {
  // methodChecks.ts: the rule is Maximo's (JSON API reference: updates are POST with
  // `x-method-override: PATCH`). REST Client's README has `PATCH https://{{host}}/authors/{{%name}}`
  // (github:Huachao/vscode-restclient README.md "Request Variables") and httpyac's request line
  // takes PUT and PATCH (github:AnWeber/httpyac src/plugins/core/parse/requestHttpRegionParser.ts).
  for (const method of ["PUT", "PATCH"]) {
    assert.deepEqual(check(`${method} http://localhost:3000/api/users/1\nContent-Type: application/json\n\n{"name": "x"}`), []);
    assert.deepEqual(check(`@host = http://localhost:8080\n${method} {{host}}/students/1`), []);
    // A path that merely has an `os` segment at its end addresses no object structure.
    assert.deepEqual(check(`${method} http://localhost:3000/os`), []);
  }
  // Maximo's os/ API however it is written: full URL, relative to a connection, a variable structure.
  only("PUT https://host/maximo/api/os/mxapiwodetail/_QkVERk9SRC8xMDAx", "maximo.http-patch");
  only("@host = https://host\n@structure = mxapiasset\nPATCH {{host}}/maximo/oslc/os/{{structure}}/_QkVERk9SRC8xMDAx", "maximo.http-patch");
  only("PUT os/mxapiasset", "maximo.http-patch");
});

test("schema.mixed-in-list: quoted and bare values in one list, reported once on the list", () => {
  const d = only('GET os/mxapiwodetail?oslc.where=wonum in ["1001",1002]', "schema.mixed-in-list");
  assert.equal(d.text, '["1001",1002]');
  assert.match(d.message, /quote every value \("1002"\)/);
  assert.deepEqual(check('GET os/mxapiwodetail?oslc.where=wonum in ["1001","1002"] and wopriority in [1,2]'), []);
});

test("schema.body-value-type: non-numeric text, non-ISO date, non-boolean YORN, object for a scalar", () => {
  const found = check(
    '@site = "BEDFORD"\n\n###\nPOST os/mxapiwodetail/_QkVERk9SRC8xMDAx?lean=1\nx-method-override: PATCH\n\n{"wopriority": "high", "reportdate": "31/01/2024", "istask": "maybe", "description": {"x": 1}, "estdur": "2.5", "siteid": {{site}}, "targstartdate": "{{$datetime iso8601}}"}',
  );
  assert.deepEqual(found.map((d) => [d.code, d.text]), [
    ["schema.body-value-type", '"high"'],
    ["schema.body-value-type", '"31/01/2024"'],
    ["schema.body-value-type", '"maybe"'],
    ["schema.body-value-type", '{"x": 1}'],
  ]);
  assert.match(found[0]!.message, /numeric/);
});

test("schema.bulk-shape: not an array, an item without _data/_meta/_action, _meta PATCH without uri, Update without href", () => {
  const head = "POST os/mxapiasset?lean=1\nx-method-override: BULK\n\n";
  assert.match(only(`${head}{"_data": {"assetnum": "A1"}}`, "schema.bulk-shape").message, /JSON array/);
  const found = check(
    `${head}[{"_data": {"assetnum": "A1", "siteid": "BEDFORD"}}, {"assetnum": "A2"}, {"_data": {"description": "x"}, "_meta": {"method": "PATCH"}}, {"description": "y", "_action": "Update"}, {"_meta": {"uri": "u", "method": "DELETE"}}, {"href": "h", "_action": "Delete"}]`,
  );
  assert.deepEqual(found.map((d) => d.code), ["schema.bulk-shape", "schema.bulk-shape", "schema.bulk-shape"]);
  assert.match(found[0]!.message, /neither `_data`\/`_meta` nor `_action`/);
  assert.match(found[1]!.message, /needs `uri`/);
  assert.match(found[2]!.message, /needs `href`/);
});

test("BULK records are checked like a single record: unknown keys, types, maxLength, required on create (reference §15)", () => {
  const head = "POST os/mxapiasset?lean=1\nx-method-override: BULK\n\n";
  const found = check(
    head +
      [
        "[",
        '  {"_data": {"assetnum": "A1", "siteid": "BEDFORD", "descripion": "Pump"}},',
        '  {"_data": {"assetnum": "A2", "description": "No site"}},',
        '  {"_data": {"priority": "high", "siteid": "BEDFORD"}, "_meta": {"uri": "os/mxapiasset/_QTEvQkVERk9SRA--", "method": "PATCH", "patchtype": "MERGE"}},',
        '  {"assetnum": "A3", "siteid": "MUCHTOOLONGSITE", "_action": "Add"},',
        '  {"href": "os/mxapiasset/_QTQvQkVERk9SRA--", "spi:description": "x", "_action": "Update"},',
        '  {"_meta": {"uri": "os/mxapiasset/_QTUvQkVERk9SRA--", "method": "DELETE"}}',
        "]",
      ].join("\n"),
  );
  assert.deepEqual(found.map((d) => [d.code, d.text]), [
    ["schema.unknown-body-key", '"descripion"'],
    ["schema.missing-required", "{"],
    ["schema.body-value-type", '"high"'],
    ["schema.max-length", '"MUCHTOOLONGSITE"'],
    ["maximo.lean-prefixed-key", '"spi:description"'],
  ]);
  assert.match(found[0]!.message, /Did you mean `description`/);
  assert.match(found[1]!.message, /siteid/);
  assert.match(found[4]!.message, /lean=1/);
});

test("an action= request's body holds the method's parameters, not attributes: no body-key checks", () => {
  assert.deepEqual(check("POST os/mxapiwodetail/_QkVERk9SRC8xMDAx?lean=1&action=wsmethod:approve\nx-method-override: PATCH\n\n{\"memo\": \"Testing\"}"), []);
});

test("schema.unknown-attribute in a child where/orderBy (<mbo>.<rel>.where) checks the child's attributes", () => {
  const found = check('GET os/mxapiwodetail?oslc.select=wonum,wplabor{laborcode}&workorder.showplanlabor.where=labrcode="X"&workorder.showplanlabor.orderBy=-laborcode&workorder.nosuchrel.where=x="1"');
  assert.deepEqual(found.map((d) => [d.code, d.text]), [["schema.unknown-attribute", "labrcode"]]);
  assert.match(found[0]!.message, /Did you mean `laborcode`/);
});

test("maximo.undefined-variable: a variable no @line defines and a chained reference to no named request", () => {
  const found = check('@host = https://x\n\n###\n# @name wo1\nGET {{host}}/os/mxapiwodetail?oslc.where=siteid="{{site}}"\n\n###\nGET {{host}}/os/mxapiwodetail/{{wo2.response.body.href}}?x={{wo1.response.body.href}}&t={{$timestamp}}');
  assert.deepEqual(found.map((d) => [d.code, d.text]), [
    ["maximo.undefined-variable", "site"],
    ["maximo.undefined-variable", "wo2.response.body.href"],
  ]);
  assert.match(found[0]!.message, /environment/);
});

test("maximo.undefined-variable: a JavaScript value httpyac evaluates ({{true}}, {{null}}, {{process.env.HOME}}) is no variable", () => {
  // httpyac evaluates every {{...}} as JavaScript (src/plugins/javascript/javascriptVariableReplacer.ts;
  // its examples/metaData/disabledCondition.http writes `@callRequest={{false}}`).
  const found = check("@callRequest={{false}}\n\nGET http://localhost:3000/?a={{true}}&b={{null}}&c={{undefined}}&d={{process.env.HOME}}&e={{truthy}}&f={{processed.env}}");
  assert.deepEqual(found.map((d) => [d.code, d.text]), [
    ["maximo.undefined-variable", "truthy"],
    ["maximo.undefined-variable", "processed.env"],
  ]);
});

test("maximo.undefined-variable: what httpyac defines at run time: a loop's variable and turns, the last `response`, an oauth2 session", () => {
  // src/plugins/core/metaData/loopMetaDataHandler.ts (`for X of`, `${name}${index}`, `${name}List`) and
  // src/plugins/core/response/setLastResponseInVariables.ts; httpyac.github.io examples/metaData/loopAccessRequests.http.
  const text = [
    "# @loop for 4",
    "# @name foo",
    "GET http://localhost:3000/?i={{$index}}",
    "",
    "###",
    "# @loop for item of [1, 2]",
    "GET http://localhost:3000/?i={{item}}",
    "",
    "###",
    "GET http://localhost:3000/?r={{foo3.args.i}}&n={{fooList.length}}&s={{response.statusCode}}&late={{foo4}}&other={{item2}}",
    "",
    "###",
    // src/plugins/oauth2/oauth2VariableReplacer.ts keeps the tokens of `Authorization: oauth2 ...` as `oauth2Session`.
    "POST http://localhost:3000/post",
    "Authorization: oauth2 code pkce",
    "",
    "{{ oauth2Session.accessToken }}",
  ].join("\n");
  assert.deepEqual(check(text).map((d) => [d.code, d.text]), [
    ["maximo.undefined-variable", "foo4"],
    ["maximo.undefined-variable", "item2"],
  ]);
});

test("maximo.undefined-variable: httpyac's {{login.accessToken}} and {{loginResponse.statusCode}} after `# @name login` are defined", () => {
  // httpyac stores `{ [name]: response.parsedBody || response.body, [`${name}Response`]: response }`
  // as variables (github:AnWeber/httpyac src/plugins/core/response/handleNameMetaData.ts); its test
  // src/plugins/core/test/metadata/ref.spec.ts sends `/post?test={{foo.test}}` after `# @name foo`.
  const text = [
    "# @name login",
    "POST http://localhost:3000/login",
    "",
    '{"user": "a"}',
    "",
    "###",
    "# @ref login",
    "GET http://localhost:3000/me?status={{loginResponse.statusCode}}",
    "Authorization: Bearer {{login.accessToken}}",
    "X-All: {{login}}",
    "",
    "### getUser",
    "GET http://localhost:3000/users/{{getUser.id}}",
  ].join("\n");
  assert.deepEqual(check(text), []);
  // A name that no request has stays undefined, as does `Response` glued to an unknown name.
  const found = check("# @name login\nGET http://localhost:3000/a\n\n###\nGET http://localhost:3000/{{logout.token}}/{{logoutResponse.statusCode}}");
  assert.deepEqual(found.map((d) => [d.code, d.text]), [
    ["maximo.undefined-variable", "logout.token"],
    ["maximo.undefined-variable", "logoutResponse.statusCode"],
  ]);
});

test("maximo.undefined-variable: a variable a JetBrains handler sets with client.global.set is defined for the requests after it", () => {
  // JetBrains: "Global variables defined in response handler and pre-request scripts"
  // (jetbrains.com/help/idea/http-client-variables.html); its HttpClient stub: `> {% client.global.set("auth_token",
  // response.body.token) %}` then `Authorization: Bearer {{auth_token}}`. Corpus repro/J02.
  const login = "### Login\nPOST http://localhost:3000/login\nContent-Type: application/json\n\n{\"user\": \"a\"}\n\n";
  const use = "### Me\nGET http://localhost:3000/me\nAuthorization: Bearer {{auth_token}}\nX-Id: {{id}}\n";
  assert.deepEqual(check(`${login}> {% client.global.set("auth_token", response.body.token); %}\n\n###\n< {%\n  request.variables.set('id', '1');\n%}\n${use}`), []);
  assert.deepEqual(check(`${login}> {%\n  client.global.set(\`auth_token\`, response.body.token);\n  client.global.set("id", 2);\n%}\n\n${use}`), []);
  // Names no handler sets stay undefined; a computed name or a handler file can set anything.
  const found = check(`${login}> {% client.global.set("other", 1); %}\n\n${use}`);
  assert.deepEqual(found.map((d) => d.text), ["auth_token", "id"]);
  assert.deepEqual(check(`${login}> {% for (const k in response.body) client.global.set(k, response.body[k]); %}\n\n${use}`), []);
  assert.deepEqual(check(`${login}> ./save-token.js\n\n${use}`), []);
});

test("`<attr>_description` of a domain-bound attribute in a select is no unknown attribute (reference §4.1: the server adds it beside status)", () => {
  assert.deepEqual(check("GET os/mxapiwodetail?lean=1&oslc.select=wonum,status,status_description"), []);
  // Not for an attribute without a domain, nor in a where clause (it is no column there).
  const found = check('GET os/mxapiwodetail?lean=1&oslc.select=wonum,description_description&oslc.where=status_description="Approved"');
  assert.deepEqual(found.map((d) => [d.code, d.text]), [
    ["schema.unknown-attribute", "description_description"],
    ["schema.unknown-attribute", "status_description"],
  ]);
});

// JetBrains HTTP Client 2024.1+ (jetbrains.com/help "Import and run requests"): a request is named by
// its `### name` line or `# @name`; `run #name` runs it.
test("maximo.run-unknown-request: `run #name` naming no request of the file is an error, with the closest name", () => {
  const file = "### Login\nGET http://localhost:3000/login\n\n###\n# @name listUsers\nGET http://localhost:3000/users\n\n###\n";
  assert.deepEqual(check(`${file}run #Login\n###\nrun #listUsers (@page=2)\n`), []);
  const found = check(`${file}run #Logn\n###\nrun #Nope (@user=alice)\n`);
  assert.deepEqual(found.map((d) => [d.code, d.text]), [
    ["maximo.run-unknown-request", "Logn"],
    ["maximo.run-unknown-request", "Nope"],
  ]);
  assert.match(found[0]!.message, /did you mean `Login`\?/);
  assert.doesNotMatch(found[1]!.message, /did you mean/);
  assert.equal(found[0]!.message.includes("import ./other.http"), true);
});

test("a JetBrains import stops both checks here: the imported file may name the request and define the variable", () => {
  // The file is not read here (features/imports/ reads it where the file system is at hand).
  assert.deepEqual(check("import ./auth.http\n\n###\nrun #Login (@user={{user}})\n###\nGET http://localhost:3000/{{host}}\n"), []);
  // `run ./file#name` and `run ./file` name another file: not this check's.
  assert.deepEqual(check("run ./auth.http#Login\n###\nrun ./auth.http\n"), []);
  // An override's {{value}} is a use of this file's variables.
  assert.deepEqual(check("### Login\nGET http://localhost:3000/login\n\n###\nrun #Login (@user={{who}})\n").map((d) => [d.code, d.text]), [["maximo.undefined-variable", "who"]]);
});
