/**
 * What the request runner masks beyond the connection's own secrets (which the output channel
 * already knows): password answers and the values of secret-looking variables its requests filled
 * in (`ResolvedRequest.secrets`: `{{password}}`, `{{$processEnv MAXIMO_TOKEN}}`, a chained
 * access_token). They are noted as each request resolves, before anything shows it.
 */
import { redact } from "../../http/redact";
import type { Resolver } from "../../variables/index";
import type { Log } from "../contracts";

export class RunSecrets {
  private readonly noted = new Set<string>();

  constructor(private readonly answered: () => readonly string[]) {}

  values(): string[] {
    return [...this.answered(), ...this.noted];
  }

  mask(text: string): string {
    return redact(text, this.values());
  }

  /** `resolver`, noting each resolved request's secret values. */
  noting(resolver: Resolver): Resolver {
    return {
      ...resolver,
      resolve: async (index) => {
        const resolved = await resolver.resolve(index);
        for (const secret of resolved.secrets ?? []) this.noted.add(secret);
        return resolved;
      },
    };
  }

  /** `log` with every line masked. */
  maskedLog(log: Log): Log {
    return {
      info: (line) => log.info(this.mask(line)),
      warn: (line) => log.warn(this.mask(line)),
      error: (line) => log.error(this.mask(line)),
      show: () => log.show(),
    };
  }
}
