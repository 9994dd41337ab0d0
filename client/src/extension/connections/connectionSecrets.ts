/**
 * Connection secrets over VS Code's SecretStorage (passed in as a SecretVault, so node tests use
 * a Map): read when a request needs one, asked for once when missing, then stored. Remembers
 * every value it has seen so the output log can mask them, even after they are forgotten.
 */
import type { SecretKind, SecretSource } from "../../connections/types";
import { parseSecretStorageKey, SECRET_KINDS, secretStorageKey } from "./secretKinds";

/** The part of vscode.SecretStorage used here. */
export interface SecretVault {
  get(key: string): PromiseLike<string | undefined>;
  store(key: string, value: string): PromiseLike<void>;
  delete(key: string): PromiseLike<void>;
}

/** Asks the user for a secret (an input box with password: true); undefined when cancelled. */
export type SecretPrompt = (connection: string, kind: SecretKind) => Promise<string | undefined>;

export class ConnectionSecrets implements SecretSource {
  /** What the vault held for each key when this object last read or wrote it. */
  private readonly known = new Map<string, string | undefined>();
  private readonly seen = new Set<string>();
  private readonly asking = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly vault: SecretVault,
    private readonly prompt: SecretPrompt,
  ) {}

  /** The stored secret, or the one the user enters now (then stored); undefined when they cancel. */
  async get(connection: string, kind: SecretKind): Promise<string | undefined> {
    const stored = await this.peek(connection, kind);
    if (stored !== undefined) return stored;
    const key = secretStorageKey(connection, kind);
    // Two requests needing the same secret share one question.
    let pending = this.asking.get(key);
    if (!pending) {
      pending = this.ask(connection, kind).finally(() => this.asking.delete(key));
      this.asking.set(key, pending);
    }
    return pending;
  }

  /** The stored secret without asking. */
  async peek(connection: string, kind: SecretKind): Promise<string | undefined> {
    const key = secretStorageKey(connection, kind);
    const value = nonEmpty(await this.vault.get(key));
    this.remember(key, value);
    return value;
  }

  async store(connection: string, kind: SecretKind, value: string): Promise<void> {
    const key = secretStorageKey(connection, kind);
    // Known before the vault's change event arrives, so our own write is not taken for an outside one.
    this.remember(key, value);
    await this.vault.store(key, value);
  }

  /** Deletes one kind, or every kind, of a connection's secrets. */
  async forget(connection: string, kind?: SecretKind): Promise<void> {
    for (const each of kind ? [kind] : SECRET_KINDS) {
      const key = secretStorageKey(connection, each);
      this.known.set(key, undefined);
      await this.vault.delete(key);
    }
  }

  /** Moves a renamed connection's secrets to its new name. */
  async rename(from: string, to: string): Promise<void> {
    for (const kind of SECRET_KINDS) {
      const value = await this.peek(from, kind);
      if (value === undefined) continue;
      await this.store(to, kind, value);
      await this.forget(from, kind);
    }
  }

  /**
   * For the vault's change event: the connection whose secret another party changed (another
   * window, a sync), or undefined for our own writes and for keys that are not ours.
   */
  async changedElsewhere(key: string): Promise<string | undefined> {
    const owner = parseSecretStorageKey(key);
    if (!owner) return undefined;
    const value = nonEmpty(await this.vault.get(key));
    const unchanged = this.known.has(key) && this.known.get(key) === value;
    this.remember(key, value);
    return unchanged ? undefined : owner.connection;
  }

  /** Every secret value seen, for masking. */
  values(): string[] {
    return [...this.seen];
  }

  private async ask(connection: string, kind: SecretKind): Promise<string | undefined> {
    const value = nonEmpty(await this.prompt(connection, kind));
    if (value !== undefined) await this.store(connection, kind, value);
    return value;
  }

  private remember(key: string, value: string | undefined): void {
    this.known.set(key, value);
    if (value !== undefined) this.seen.add(value);
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === "" ? undefined : value;
}
