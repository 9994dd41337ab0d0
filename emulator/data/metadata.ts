/**
 * The emulator's metadata: every business object, object structure and synonym domain, built
 * fresh on each call so that emulators never share mutable state.
 */
import type { MboDef, Metadata } from "../model/types";
import { assetMbo, assetmeterMbo, lochierarchyMbo, locationsMbo } from "./asset";
import { autoscriptMbo, autoscriptvarsMbo, launchpointvarsMbo, scriptlaunchpointMbo } from "./autoscript";
import { doclinksMbo } from "./doclinks";
import { buildAlnDomains, buildNumericDomains, buildStatusTransitions, buildSynonymDomains } from "./domains";
import { alndomainMbo, maxdomainMbo, numericdomainMbo, synonymdomainMbo } from "./domainObjects";
import { buildObjectStructures } from "./objectStructures";
import { organizationMbo, siteMbo } from "./organization";
import { maxuserMbo, personMbo } from "./person";
import { poMbo, polineMbo } from "./purchasing";
import { srMbo } from "./ticket";
import { invreserveMbo, labtransMbo, workorderMbo, wplaborMbo, wpmaterialMbo } from "./workorder";

function buildMbos(): MboDef[] {
  return [
    workorderMbo(),
    wplaborMbo(),
    wpmaterialMbo(),
    invreserveMbo(),
    labtransMbo(),
    assetMbo(),
    assetmeterMbo(),
    locationsMbo(),
    lochierarchyMbo(),
    srMbo(),
    personMbo(),
    maxuserMbo(),
    poMbo(),
    polineMbo(),
    siteMbo(),
    organizationMbo(),
    doclinksMbo(),
    autoscriptMbo(),
    scriptlaunchpointMbo(),
    autoscriptvarsMbo(),
    launchpointvarsMbo(),
    maxdomainMbo(),
    synonymdomainMbo(),
    alndomainMbo(),
    numericdomainMbo(),
  ];
}

export function buildMetadata(): Metadata {
  return {
    mbos: new Map(buildMbos().map((m) => [m.name, m])),
    objectStructures: new Map(buildObjectStructures().map((os) => [os.name, os])),
    synonymDomains: new Map(buildSynonymDomains().map((d) => [d.domainId, d])),
    alnDomains: new Map(buildAlnDomains().map((d) => [d.domainId, d])),
    numericDomains: new Map(buildNumericDomains().map((d) => [d.domainId, d])),
    statusTransitions: buildStatusTransitions(),
  };
}
