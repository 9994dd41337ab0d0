/**
 * `GET /oslc/whoami` (JSON API reference §3): the profile of the authenticated user, built from
 * the seeded MAXUSER, PERSON and SITE rows. Field names follow real servers' responses.
 */
import type { Emulator } from "../emulator";
import type { Row } from "../model/types";
import { apiHref } from "../http/hrefs";
import { jsonReply, type ApiRequest, type Reply } from "../http/types";

function firstRow(emulator: Emulator, mbo: string, attribute: string, value: string | null | undefined): Row | undefined {
  if (!value || !emulator.metadata.mbos.has(mbo)) return undefined;
  return emulator.store.lookup(mbo, [attribute], [value])[0];
}

export function whoami(request: ApiRequest, emulator: Emulator): Reply {
  const maxuser = firstRow(emulator, "maxuser", "userid", request.user);
  const personId = String(maxuser?.personid ?? request.user);
  const person = firstRow(emulator, "person", "personid", personId);
  const siteId = maxuser?.defsite ? String(maxuser.defsite) : null;
  const site = firstRow(emulator, "site", "siteid", siteId);
  const orgId = site?.orgid ? String(site.orgid) : null;
  const org = firstRow(emulator, "organization", "orgid", orgId);
  const language = String(person?.language ?? "EN");
  return jsonReply({
    href: `${apiHref(request)}/whoami`,
    userName: request.user,
    loginID: String(maxuser?.loginid ?? request.user.toLowerCase()),
    userid: request.user,
    personid: personId,
    displayName: String(person?.displayname ?? request.user),
    primaryemail: person?.primaryemail ?? null,
    defaultSite: siteId,
    defaultSiteDescription: site?.description ?? null,
    insertSite: siteId,
    defaultOrg: orgId,
    insertOrg: orgId,
    baseCurrency: org?.basecurrency1 ?? null,
    langcode: language,
    baseLang: "EN",
    timezone: "UTC",
    maxuserid: maxuser?.maxuserid ?? null,
  });
}
