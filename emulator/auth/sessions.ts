/**
 * Login sessions (MAXAUTH, Basic, `/login`, form login). A session ends after `sessionTtlMs`
 * without use, measured on the emulator's clock, so tests can move time instead of waiting.
 */
import type { Emulator } from "../emulator";
import { randomId } from "./randomId";

export interface Session {
  id: string;
  user: string;
  lastUsedMs: number;
  /** Set by `login?csrf=1`; writes over this session must echo it when CSRF is required. */
  csrfToken?: string;
  /** The LtpaToken2 a form login issued alongside the session. */
  ltpaToken?: string;
}

export type SessionLookup = { kind: "ok"; session: Session } | { kind: "expired" } | { kind: "unknown" };

export class SessionStore {
  private readonly byId = new Map<string, Session>();
  private readonly byLtpa = new Map<string, string>();

  constructor(private readonly emulator: Emulator) {}

  create(user: string, withLtpa = false): Session {
    const session: Session = { id: randomId(), user, lastUsedMs: this.emulator.now() };
    if (withLtpa) {
      session.ltpaToken = randomId(48);
      this.byLtpa.set(session.ltpaToken, session.id);
    }
    this.byId.set(session.id, session);
    return session;
  }

  /** Finds a live session by JSESSIONID and marks it used; a timed-out one is removed. */
  useById(id: string): SessionLookup {
    const session = this.byId.get(id);
    if (!session) return { kind: "unknown" };
    if (this.emulator.now() - session.lastUsedMs > this.emulator.options.sessionTtlMs) {
      this.remove(session);
      return { kind: "expired" };
    }
    session.lastUsedMs = this.emulator.now();
    return { kind: "ok", session };
  }

  useByLtpa(token: string): SessionLookup {
    const id = this.byLtpa.get(token);
    return id === undefined ? { kind: "unknown" } : this.useById(id);
  }

  remove(session: Session): void {
    this.byId.delete(session.id);
    if (session.ltpaToken) this.byLtpa.delete(session.ltpaToken);
  }

  clear(): void {
    this.byId.clear();
    this.byLtpa.clear();
  }

  get size(): number {
    return this.byId.size;
  }
}
