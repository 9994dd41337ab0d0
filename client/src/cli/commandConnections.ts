/**
 * The connections a sending command (run, load, export) works through, and its output: every
 * line it prints is redacted with the secrets known so far (the environment's, those the pool's
 * executors have used and the secret variables requests filled in), since a line can carry a
 * server's echo of one.
 */
import { ConnectionError, envSecrets, envSecretValues, loadConnections } from "../connections/load";
import { redact } from "../http/redact";
import { UsageError } from "./args";
import { ExecutorPool } from "./executorPool";

export interface CommandConnections {
  pool: ExecutorPool;
  /** Every secret value known now (grows as executors sign in and requests fill in secret variables). */
  secrets(): string[];
  /** A resolved request's secret variables' values (`ResolvedRequest.secrets`): masked from then on. */
  noteSecrets(values: readonly string[] | undefined): void;
  /** stdout and stderr, redacted. */
  out(line: string): void;
  err(line: string): void;
}

export function openCommandConnections(
  io: { env: Readonly<Record<string, string | undefined>>; out(line: string): void; err(line: string): void },
  options: { workspaceDir: string; connection?: string; insecure: boolean },
): CommandConnections {
  const envSecretList = envSecretValues(io.env);
  const noted = new Set<string>();
  let pool: ExecutorPool | undefined;
  const secrets = () => [...envSecretList, ...(pool?.secretValues() ?? []), ...noted];
  try {
    const set = loadConnections({ workspaceDir: options.workspaceDir, env: io.env, insecure: options.insecure, ...(options.connection === undefined ? {} : { connection: options.connection }) });
    pool = new ExecutorPool(set, envSecrets(io.env), (line) => io.err(redact(line, secrets())));
  } catch (error) {
    if (error instanceof ConnectionError) throw new UsageError(error.message);
    throw error;
  }
  return {
    pool,
    secrets,
    noteSecrets: (values) => values?.forEach((value) => noted.add(value)),
    out: (line) => io.out(redact(line, secrets())),
    err: (line) => io.err(redact(line, secrets())),
  };
}
