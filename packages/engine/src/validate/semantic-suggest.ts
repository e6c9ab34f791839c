/** "Did you mean …?" suggestions for names that resolve to nothing (states, functions, operationIds). */

/**
 * Up to `max` candidates close to `name`, best first: the same name in another case, then names
 * within an edit distance of about a third of the length, then names containing it (or contained in it).
 *
 * @example closeMatches('CreateIsue', ['CreateIssue', 'PollIssue']) // ['CreateIssue']
 */
export function closeMatches(name: string, candidates: Iterable<string>, max = 3): string[] {
  const lower = name.toLowerCase();
  const limit = Math.max(2, Math.floor(name.length / 3));
  const scored: { c: string; score: number }[] = [];
  for (const c of new Set(candidates)) {
    if (c === name) continue;
    const cl = c.toLowerCase();
    if (cl === lower) {
      scored.push({ c, score: 0 });
      continue;
    }
    const d = editDistance(lower, cl);
    if (d <= limit) scored.push({ c, score: d });
    else if (lower.length >= 4 && (cl.includes(lower) || lower.includes(cl))) scored.push({ c, score: limit + 1 });
  }
  scored.sort((a, b) => a.score - b.score || (a.c < b.c ? -1 : a.c > b.c ? 1 : 0));
  return scored.slice(0, max).map((s) => s.c);
}

/** ` (did you mean "a" or "b"?)`, or an empty string when nothing is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const m = closeMatches(name, candidates);
  if (m.length === 0) return '';
  const quoted = m.map((x) => `"${x}"`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
  return ` (did you mean ${list}?)`;
}

/** Levenshtein distance (insert, delete, substitute cost 1). */
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, sub));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
