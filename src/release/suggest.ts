/**
 * Edit distance with adjacent transpositions (optimal string alignment), so `titel`
 * is one edit from `title`.
 */
export function editDistance(a: string, b: string): number {
  // Three rolling rows instead of a full matrix: this runs for every unknown key.
  let before = new Int32Array(b.length + 1);
  let previous = Int32Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2] + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length];
}

/**
 * The known name the user most likely meant: within two edits (case ignored), or one
 * that starts with what was typed (`sub` → `subtitle`) or is its start (`contact` → `contacts`).
 */
export function closestName(typed: string, known: readonly string[]): string | undefined {
  const wanted = typed.trim().toLowerCase();
  // Very long keys are not typos of a field name; this also bounds the work per key.
  if (wanted.length === 0 || wanted.length > 40) return undefined;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const name of known) {
    const distance = editDistance(wanted, name.toLowerCase());
    const prefix = wanted.length >= 3 && (name.startsWith(wanted) || wanted.startsWith(name));
    // A one- or two-letter key is two edits from too many names to be a useful guess.
    const score = distance <= 2 && distance < wanted.length ? distance : prefix ? 3 : Infinity;
    if (score < bestScore) {
      best = name;
      bestScore = score;
    }
  }
  return best;
}
