/** Suggestions for a misspelt name: the closest candidates by edit distance. */
import { invisibleCharacterIn } from "../../language/common/invisibleCharacters";

export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The closest candidate within a third of the name's length (at least 1 edit), case-insensitively. */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const wanted = name.toLowerCase();
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: such a candidate cannot beat `best`
    // (a schema lists hundreds of attributes; most are skipped here).
    if (Math.abs(candidate.length - wanted.length) >= bestDistance) continue;
    const distance = boundedLevenshtein(wanted, candidate.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `levenshtein(a, b)` when it is below `bound`; otherwise some value >= `bound` (it stops early). */
function boundedLevenshtein(a: string, b: string, bound: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    // Every later row's values are at least this row's minimum.
    if (rowMin >= bound) return rowMin;
    previous = current;
  }
  return previous[b.length]!;
}

/** ` Did you mean \`x\`?`, or nothing; before it, the invisible character the name holds, if it holds one. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const match = closest(name, candidates);
  const invisible = invisibleCharacterIn(name);
  return `${invisible ? ` It holds an invisible ${invisible.label}.` : ""}${match ? ` Did you mean \`${match}\`?` : ""}`;
}
