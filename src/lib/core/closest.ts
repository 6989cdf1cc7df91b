import { distance } from 'fastest-levenshtein';

/**
 * The existing id closest to an unknown one, for "did you mean …?".
 * Only suggests ids within a distance that still looks like a typo.
 */
export function closestId(unknown: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(unknown, candidate);
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(2, Math.ceil(Math.max(unknown.length, best.length) * 0.4));
  return bestDistance <= limit || best.includes(unknown) || unknown.includes(best) ? best : undefined;
}
