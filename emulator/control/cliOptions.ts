/** Parses the emulator CLI's flags (main.ts); pure, so it can be tested without a process. */
import { defaultOptions, type EmulatorOptions } from "../emulator";

export const usage = `Usage: emulator [options]
  --port N                 port on 127.0.0.1 (default 0: a free port)
  --user U --password P    add a user (MAXAUTH, Basic, form login)
  --apikey K               add an API key (for --user, else MAXADMIN)
  --oauth-client ID --oauth-secret S   add an OAuth2 client
  --session-ttl SECONDS    idle lifetime of a login session
  --token-ttl SECONDS      lifetime of an OAuth access token
  --max-page-size N        refuse larger oslc.pageSize (0: no limit)
  --require-csrf           require the csrftoken header on session writes
  --latency MS             delay every API request
  --work-orders N          seed N work orders (default 5200)
  --without-os A[,B]       leave these object structures out (e.g. mxscript), as a server lacking them
  --help                   this text`;

export interface CliOptions {
  port: number;
  latencyMs: number;
  options: EmulatorOptions;
  help: boolean;
}

const valueFlags = new Set([
  "--port", "--user", "--password", "--apikey", "--oauth-client", "--oauth-secret",
  "--session-ttl", "--token-ttl", "--max-page-size", "--latency", "--work-orders", "--without-os",
]);

/** The options the flags ask for, or a message saying what is wrong. */
export function parseCli(argv: readonly string[]): CliOptions | string {
  const values = new Map<string, string>();
  let requireCsrf = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === "--help" || flag === "-h") help = true;
    else if (flag === "--require-csrf") requireCsrf = true;
    else if (valueFlags.has(flag)) {
      const value = argv[++i];
      if (value === undefined) return `${flag} needs a value`;
      values.set(flag, value);
    } else return `unknown option ${flag}`;
  }
  const number = (flag: string, fallback: number): number | string => {
    const text = values.get(flag);
    if (text === undefined) return fallback;
    return /^\d+$/.test(text) ? Number(text) : `${flag} needs a whole number, not ${JSON.stringify(text)}`;
  };
  const port = number("--port", 0);
  const sessionTtl = number("--session-ttl", defaultOptions().sessionTtlMs / 1000);
  const tokenTtl = number("--token-ttl", defaultOptions().tokenTtlSeconds);
  const maxPageSize = number("--max-page-size", 0);
  const latency = number("--latency", 0);
  const workOrders = number("--work-orders", defaultOptions().workOrders);
  for (const n of [port, sessionTtl, tokenTtl, maxPageSize, latency, workOrders]) if (typeof n === "string") return n;
  if (typeof port === "number" && port > 65535) return "--port must be at most 65535";
  if (values.has("--user") !== values.has("--password")) return "--user and --password go together";
  if (values.has("--oauth-client") !== values.has("--oauth-secret")) return "--oauth-client and --oauth-secret go together";

  const options = defaultOptions();
  const user = values.get("--user")?.toUpperCase();
  if (user) options.credentials.users[user] = values.get("--password")!;
  const apikey = values.get("--apikey");
  if (apikey) options.credentials.apikeys[apikey] = user ?? "MAXADMIN";
  const client = values.get("--oauth-client");
  if (client) options.credentials.oauthClients[client] = values.get("--oauth-secret")!;
  options.sessionTtlMs = (sessionTtl as number) * 1000;
  options.tokenTtlSeconds = tokenTtl as number;
  options.maxPageSize = maxPageSize as number;
  options.workOrders = workOrders as number;
  options.requireCsrf = requireCsrf;
  const without = values.get("--without-os");
  if (without) options.withoutObjectStructures = without.split(",").map((n) => n.trim().toLowerCase()).filter((n) => n !== "");
  return { port: port as number, latencyMs: latency as number, options, help };
}
