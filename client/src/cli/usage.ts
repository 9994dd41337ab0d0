/** The usage text and version of `maximo`, shared by the whole CLI and its file-command fast path. */
import { version } from "../../../package.json";

export const VERSION = version;

export const USAGE = `Usage:
  maximo --version                                  print the version
  maximo parse FILE                                 print the requests of a .maximo file as JSON
  maximo check FILE|DIR... [--format text|json] [--schemas DIR] [--no-cache]
                                                    print diagnostics; exit 1 on any error (schemas:
                                                    the shipped pack, --schemas DIR a server's saved cache);
                                                    a re-check analyses only what changed (--no-cache: all);
                                                    a DIR gives its .maximo files: name .http/.rest files
  maximo run FILE|DIR... [--name N] [--connection NAME|URL] [--env NAME]
             [--all-pages] [--out DIR] [--junit FILE] [--verbose] [--insecure] [--server-log]
                                                    send the requests; exit 1 when any fails;
                                                    --junit writes a JUnit XML report for CI
  maximo deploy FILE... [--connection NAME|URL] [--force] [--insecure]
                                                    deploy automation scripts (.py, .jy, .js) with
                                                    their scriptConfig; refused on read-only connections
  maximo extract [NAME...] [--connection NAME|URL] [--out DIR] [--force] [--insecure]
                                                    write server scripts (all without NAME) to DIR
                                                    (default: scripts) with their scriptConfig
  maximo export FILE [--name N] [--format csv|xlsx|json] --out PATH [--connection NAME|URL]
                [--explode CHILD] [--env NAME] [--insecure]
                                                    run one query, follow every page and stream the
                                                    rows to PATH (columns in oslc.select order)
  maximo import FILE|- [--out FILE] [--force] [--absolute]
                                                    curl command(s) or a Postman collection (v2.1)
                                                    as .maximo text; secrets left to $MAXIMO_* or
                                                    the connection (--absolute keeps full URLs)
  maximo load FILE.csv|FILE.xlsx --os NAME [--action add|update|addchange|delete] [--connection X]
             [--batch N] [--preview] [--results FILE] [--resume] [--sheet NAME] [--insecure]
                                                    load rows through BULK exactly once; one result
                                                    per row in FILE.results.csv (--results); exit 1
                                                    when a row failed; --resume skips what landed;
                                                    --preview checks only, saving nothing
  Exit codes: 0 success; 1 a request, deploy, extract, export or load row failed (or was refused); 2 usage or
  file error; 3 deploy: the server copy changed since the last pull or deploy (nothing written;
  --force overwrites it after a backup to .maximo/backups), extract: a local file with other
  content was kept (--force replaces it).
  Connections: maximo.connections.json (no secrets), or --connection URL / MAXIMO_URL with
  MAXIMO_APIKEY, or MAXIMO_USER and MAXIMO_PASSWORD, or MAXIMO_CLIENT_ID and MAXIMO_CLIENT_SECRET.`;
