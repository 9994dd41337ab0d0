/**
 * The variable names REST Client's `rest-client.environmentVariables` setting defines for a
 * document as the editor merges it (user, `.code-workspace`, folder settings), for the
 * undefined-variable check: asked with `workspace/configuration` (the document as `scopeUri`),
 * kept per document until the client reports a change (`workspace/didChangeConfiguration`,
 * registered for that section). Only the names are read; the Maximo extension's client replaces
 * every value before the answer leaves the editor (client/src/language/settingsMiddleware.ts).
 *
 * A client without the `configuration` capability is never asked, and one that answers with an
 * error gives no names: the check then reads the environment files alone, as before.
 */
import { DidChangeConfigurationNotification, type ClientCapabilities, type Connection } from "vscode-languageserver";
import { REST_CLIENT_SETTING } from "../../../client/src/environments/environmentSet";
import { environmentVariableNames } from "../../../client/src/environments/variableNames";

/** How long a first check waits for the client's answer before going on without it (a later answer checks again). */
const ANSWER_WAIT_MS = 2000;

/** What the client declared at `initialize`: whether it answers `workspace/configuration`, and reports changes when asked to. */
export interface SettingAccess {
  readonly canAsk: boolean;
  readonly canRegisterChanges: boolean;
}

export function settingAccess(capabilities: ClientCapabilities): SettingAccess {
  return {
    canAsk: capabilities.workspace?.configuration === true,
    canRegisterChanges: capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true,
  };
}

interface Pending {
  readonly answered: Promise<void>;
  /** A check stopped waiting for this answer: when it comes, the document is checked again. */
  gaveUp: boolean;
}

export class SettingNames {
  private ask: ((uri: string) => Promise<unknown>) | undefined;
  private answeredLate: (uri: string) => void = () => undefined;
  private readonly known = new Map<string, ReadonlySet<string>>();
  private readonly pending = new Map<string, Pending>();

  /** The client answers `workspace/configuration`: `ask` asks it for a document; `late` checks a document again. */
  answeredBy(ask: (uri: string) => Promise<unknown>, late: (uri: string) => void): void {
    this.ask = ask;
    this.answeredLate = late;
  }

  /** The names the setting defines for the document at `uri`, as last answered (none before). */
  namesFor(uri: string): ReadonlySet<string> {
    return this.known.get(uri) ?? EMPTY;
  }

  /**
   * Asks the client once per document (until a change) and resolves when it answered, failed, or
   * `ANSWER_WAIT_MS` passed; undefined when there is nothing to wait for (answered before, or a
   * client that is never asked), so a check goes on in the same turn.
   */
  ready(uri: string): Promise<void> | undefined {
    const ask = this.ask;
    if (!ask || this.known.has(uri)) return undefined;
    let entry = this.pending.get(uri);
    if (!entry) {
      const answered = Promise.resolve()
        .then(() => ask(uri))
        .then(environmentVariableNames, () => [])
        .then((names) => {
          if (this.pending.get(uri) !== entry) return; // a change or a close came first: a newer question counts
          this.pending.delete(uri);
          this.known.set(uri, new Set(names));
          if (entry!.gaveUp && names.length > 0) this.answeredLate(uri);
        });
      entry = { answered, gaveUp: false };
      this.pending.set(uri, entry);
    }
    const waiting = entry;
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        waiting.gaveUp = true;
        resolve();
      }, ANSWER_WAIT_MS);
      void waiting.answered.then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /** The setting changed: every document is asked again. */
  clear(): void {
    this.known.clear();
    this.pending.clear();
  }

  /** A closed document. */
  forget(uri: string): void {
    this.known.delete(uri);
    this.pending.delete(uri);
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/**
 * On a `didChangeConfiguration` from a client that answers, forgets what was answered and calls
 * `changed` (the server checks its open documents again; the pushed `settings` are never read).
 * Returns the step to run once initialized: it lets `settings` ask the client (when it can
 * answer) and registers for changes of the section (when the client can register).
 */
export function askRestClientSetting(connection: Connection, settings: SettingNames, access: () => SettingAccess, changed: (uris?: string[]) => void): () => void {
  connection.onDidChangeConfiguration(() => {
    if (!access().canAsk) return; // nothing was asked: nothing changes
    settings.clear();
    changed();
  });
  return () => {
    const { canAsk, canRegisterChanges } = access();
    if (!canAsk) return;
    settings.answeredBy(
      (uri) => connection.workspace.getConfiguration({ scopeUri: uri, section: REST_CLIENT_SETTING }),
      (uri) => changed([uri]),
    );
    if (canRegisterChanges) void connection.client.register(DidChangeConfigurationNotification.type, { section: REST_CLIENT_SETTING }).catch(() => undefined);
  };
}
