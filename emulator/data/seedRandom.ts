/**
 * A small seeded PRNG (mulberry32) and the fixed clock the seed uses, so every emulator starts
 * with byte-identical data: no Math.random, no current time.
 */
export class SeedRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
    const total = choices.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [value, weight] of choices) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return choices[choices.length - 1][0];
  }

  /** A money amount with two decimals. */
  amount(min: number, max: number): number {
    return Math.round((min + this.next() * (max - min)) * 100) / 100;
  }
}

/** The seed's "now": 2024-06-03 09:00 UTC. Data dates lie before it. */
export const seedBaseTime = Date.UTC(2024, 5, 3, 9, 0, 0);

const hourMs = 3_600_000;
export const dayMs = 24 * hourMs;

/** Maximo's JSON date format: ISO 8601 to the second with an explicit offset. */
export function maximoDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + "+00:00";
}

/** A DATE attribute: midnight of the day. */
export function maximoDate(ms: number): string {
  return maximoDateTime(Math.floor(ms / dayMs) * dayMs);
}

/** Rounds a time to the minute, as users and escalations enter them. */
export function toMinute(ms: number): number {
  return Math.floor(ms / 60_000) * 60_000;
}

export function hours(n: number): number {
  return n * hourMs;
}
