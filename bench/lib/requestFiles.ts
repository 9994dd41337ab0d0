/**
 * Generated `.maximo` files for benchmarks: a realistic mix of Maximo requests — named
 * requests with query continuation lines, headers and JSON bodies, plain GETs, comments and
 * variables — cut to a number of lines.
 */

function request(i: number): string[] {
  switch (i % 4) {
    case 0:
      return [
        `### Create work order ${i}`,
        `# @name create${i}`,
        `POST os/mxapiwodetail?lean=1`,
        `    &oslc.select=wonum,description,status,href`,
        `Content-Type: application/json`,
        `properties: wonum,status`,
        ``,
        `{`,
        `  "siteid": "{{site}}",`,
        `  "description": "Replace pump motor ${i} - Building A",`,
        `  "wopriority": ${i % 5},`,
        `  "transactionid": "{{$guid}}"`,
        `}`,
        ``,
      ];
    case 1:
      return [
        `### Approved work orders ${i}`,
        `# @expect status 200`,
        `GET os/mxapiwodetail?lean=1`,
        `    &oslc.where=status="APPR" and siteid="{{site}}" and wopriority<=${i % 5}`,
        `    &oslc.select=wonum,description,status,wplabor{laborcode,laborhrs}`,
        `    &oslc.orderBy=-reportdate,+wonum`,
        `    &oslc.pageSize=20`,
        `Accept: application/json`,
        ``,
      ];
    case 2:
      return [
        `### Update ${i}`,
        `// change the priority of the created order`,
        `POST {{create${i - 2}.response.headers.location}}?lean=1`,
        `x-method-override: PATCH`,
        `patchtype: MERGE`,
        `Content-Type: application/json`,
        ``,
        `{`,
        `  "description": "Replace pump motor ${i} (URGENT)",`,
        `  "wopriority": 1`,
        `}`,
        ``,
      ];
    default:
      return [`### Asset ${i}`, `GET os/mxapiasset?oslc.where=assetnum="${10000 + i}"&oslc.select=assetnum,status,location`, ``];
  }
}

/** A file of about `lines` lines (it ends after the request that reaches the count). */
export function requestFile(lines: number): string {
  const out: string[] = ["# Generated benchmark file", "@site = BEDFORD", ""];
  for (let i = 0; out.length < lines; i++) out.push(...request(i));
  return out.join("\n");
}

/** A file of exactly `count` requests. */
export function requestsFile(count: number): string {
  const out: string[] = ["@site = BEDFORD", ""];
  for (let i = 0; i < count; i++) out.push(...request(i));
  return out.join("\n");
}
