import { WORD_END, WORD_START } from '../../src/lexicon/term.js';

/** A window [from, to) as the matcher's contract states it: each term's regex over text[0, to) from `from`, leftmost-longest. */
export function naiveWindow(sources: string[], text: string, from: number, to: number): Array<[number, number]> {
  const hay = text.slice(0, to);
  const all: Array<[number, number]> = [];
  for (const src of sources) {
    const re = new RegExp(`${WORD_START}(?:${src})${WORD_END}`, 'giu');
    re.lastIndex = from;
    for (let m = re.exec(hay); m; m = re.exec(hay)) {
      if (!m[0].length) {
        re.lastIndex++;
        continue;
      }
      all.push([m.index, m.index + m[0].length]);
    }
  }
  all.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const out: Array<[number, number]> = [];
  let reach = -1;
  for (const m of all) if (m[0] >= reach) {
    out.push(m);
    reach = m[1];
  }
  return out;
}

