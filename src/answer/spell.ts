/** Damerau–Levenshtein distance (adjacent transpositions count as one edit), giving up once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      cur.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

function hamming(a: string, b: string): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) n++;
  return n;
}

/** How many typos a word of this length may carry and still be corrected: none for short words, where guesses go wrong. */
export function allowedEdits(length: number): number {
  if (length < 6) return 0;
  return length < 9 ? 1 : 2;
}

/** Corrects a word to the closest vocabulary word (ties go to the more frequent word), or returns undefined. */
export class Speller {
  private readonly byLength = new Map<number, { word: string; count: number }[]>();

  constructor(counts: ReadonlyMap<string, number>) {
    for (const [word, count] of counts) {
      const bucket = this.byLength.get(word.length) ?? [];
      bucket.push({ word, count });
      this.byLength.set(word.length, bucket);
    }
  }

  correct(word: string): string | undefined {
    const max = allowedEdits(word.length);
    if (max === 0) return undefined;
    let best: { word: string; count: number; distance: number } | undefined;
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        // Typos almost never change the first letter; "decent" must not become "recent".
        if (!candidate.word.startsWith(word.slice(0, 1))) continue;
        const distance = editDistance(word, candidate.word, max);
        if (distance > max) continue;
        // One letter swapped for another mostly turns one real word into another ("tourist"/"tourism",
        // "hearing"/"heading"); typos are dropped, doubled or transposed letters, so that edit alone is refused.
        if (distance === 1 && candidate.word.length === word.length && hamming(word, candidate.word) === 1) continue;
        if (!best || distance < best.distance || (distance === best.distance && candidate.count > best.count)) {
          best = { ...candidate, distance };
        }
      }
    }
    return best?.word;
  }
}
