/**
 * Changes to the `maximo.connections` setting as data: each edit takes the raw entries and
 * returns new ones, checked by the same rules as reading them, so the commands never write an
 * entry the extension would then refuse. No edit can carry a secret.
 */
import { ConnectionError, isSecretLikeKey } from "../../connections/load";
import type { AuthType } from "../../connections/types";
import type { ExtensionConnection } from "../contracts";
import { ENTRY_FIELDS, parseEntry, type EntryField, type SettingEntry } from "./connectionSettings";
import { needsUser } from "./secretKinds";

/** Where the setting is written: the scope its current value comes from (a workspace value hides the user's). */
export type SettingTarget = "global" | "workspace";

export function settingTarget(inspected: { workspaceValue?: unknown } | undefined): SettingTarget {
  return inspected?.workspaceValue !== undefined ? "workspace" : "global";
}

/** The setting's entries as fresh objects (a non-list reads as none). */
export function entriesOf(value: unknown): SettingEntry[] {
  if (!Array.isArray(value)) return [];
  return value.map((entry: unknown) => (typeof entry === "object" && entry !== null && !Array.isArray(entry) ? { ...(entry as SettingEntry) } : entry as SettingEntry));
}

function indexOf(entries: readonly SettingEntry[], name: string): number {
  const index = entries.findIndex((entry) => entry?.name === name);
  if (index < 0) throw new ConnectionError(`There is no connection "${name}" in the "maximo.connections" setting.`);
  return index;
}

function checked(entry: SettingEntry): SettingEntry {
  for (const key of Object.keys(entry)) {
    if (isSecretLikeKey(key) && !(ENTRY_FIELDS as readonly string[]).includes(key)) throw new ConnectionError(`"${key}" looks like a secret; secrets never go in settings.`);
  }
  // parseConnection adds the name: `The connection ("dev") has no "url"`.
  parseEntry(entry, "The connection");
  return entry;
}

/** Only set fields, in package.json's order, so the settings file reads well. */
function tidy(entry: SettingEntry): SettingEntry {
  const out: SettingEntry = {};
  for (const key of ENTRY_FIELDS) if (entry[key] !== undefined && entry[key] !== "") out[key] = entry[key];
  for (const key of Object.keys(entry)) if (!(key in out) && entry[key] !== undefined && entry[key] !== "") out[key] = entry[key];
  return out;
}

export function addEntry(entries: readonly SettingEntry[], entry: SettingEntry): SettingEntry[] {
  const added = checked(tidy(entry));
  if (entries.some((other) => other?.name === added.name)) {
    throw new ConnectionError(`A connection named "${String(added.name)}" already exists; choose another name.`);
  }
  return [...entries, added];
}

export function removeEntry(entries: readonly SettingEntry[], name: string): SettingEntry[] {
  const index = indexOf(entries, name);
  return entries.filter((_, i) => i !== index);
}

/** Sets one field (undefined or "" removes it); a new name must be unique. */
export function setField(entries: readonly SettingEntry[], name: string, field: EntryField, value: string | boolean | undefined): SettingEntry[] {
  const index = indexOf(entries, name);
  if (field === "name") {
    if (typeof value !== "string" || value.trim() === "") throw new ConnectionError("A connection needs a name.");
    if (value !== name && entries.some((other) => other?.name === value)) throw new ConnectionError(`A connection named "${value}" already exists; choose another name.`);
  }
  const edited = checked(tidy({ ...entries[index], [field]: value }));
  return entries.map((entry, i) => (i === index ? edited : entry));
}

export interface FieldSpec {
  field: EntryField;
  label: string;
  description: string;
  kind: "text" | "choice" | "boolean";
  choices?: readonly string[];
  /** Text fields that may be cleared. */
  optional?: boolean;
}

export const AUTH_CHOICES: ReadonlyArray<{ auth: AuthType; label: string; detail: string }> = [
  { auth: "apikey", label: "API key", detail: "An `apikey` header on every request (MAS API keys)" },
  { auth: "maxauth", label: "MAXAUTH", detail: "User and password for Maximo's native login" },
  { auth: "basic", label: "Basic", detail: "User and password checked by the application server (LDAP)" },
  { auth: "form", label: "Form login", detail: "User and password posted to j_security_check; session cookies" },
  { auth: "session", label: "Session", detail: "Log in once at /login and keep the session cookies" },
  { auth: "oauth", label: "OAuth client credentials", detail: "Client id and secret exchanged for a bearer token" },
  { auth: "none", label: "None", detail: "No credentials (a proxy or the network signs in)" },
];

const FIELDS: readonly FieldSpec[] = [
  { field: "name", label: "Name", description: "shown in the status bar and used by # @connection", kind: "text" },
  { field: "url", label: "URL", description: "the server up to its context root, e.g. https://host/maximo", kind: "text" },
  { field: "apiRoot", label: "API root", description: "auto uses /api/ for API keys and /oslc/ otherwise", kind: "choice", choices: ["auto", "oslc", "api"] },
  { field: "auth", label: "Sign-in", description: "how requests are authenticated", kind: "choice", choices: AUTH_CHOICES.map((c) => c.auth) },
  { field: "user", label: "User", description: "the Maximo user name", kind: "text" },
  { field: "clientId", label: "OAuth client id", description: "", kind: "text" },
  { field: "tokenUrl", label: "OAuth token URL", description: "or set an issuer", kind: "text", optional: true },
  { field: "issuer", label: "OAuth issuer", description: "found by OpenID discovery", kind: "text", optional: true },
  { field: "caFile", label: "CA file", description: "PEM file of extra certificate authorities", kind: "text", optional: true },
  { field: "insecure", label: "Insecure TLS", description: "turn certificate checks off for this connection", kind: "boolean" },
  { field: "readOnly", label: "Read-only", description: "ask before every write", kind: "boolean" },
  { field: "csrf", label: "CSRF token", description: "fetch one at login and send it", kind: "boolean" },
  { field: "colour", label: "Status bar colour", description: "e.g. #c72e0f for production", kind: "text", optional: true },
  { field: "deployOnSave", label: "Deploy scripts on save", description: "refused for read-only connections", kind: "boolean" },
  { field: "serverLog", label: "Capture server log", description: "thread logging beside every response (reference §23)", kind: "boolean" },
];

/** The fields Edit offers for this connection: the user only where its sign-in has one, OAuth fields only for OAuth. */
export function editableFields(connection: ExtensionConnection): FieldSpec[] {
  return FIELDS.filter((spec) => {
    if (spec.field === "user") return needsUser(connection.auth);
    if (spec.field === "clientId" || spec.field === "tokenUrl" || spec.field === "issuer") return connection.auth === "oauth";
    return true;
  });
}

/** The current value of a field as Edit shows it. */
export function fieldValue(connection: ExtensionConnection, field: EntryField): string {
  const value = connection[field as keyof ExtensionConnection];
  if (value === undefined) return field === "insecure" || field === "readOnly" || field === "csrf" || field === "deployOnSave" || field === "serverLog" ? "false" : "(not set)";
  return String(value);
}
