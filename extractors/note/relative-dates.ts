import type { LexiconSet } from '../../src/lexicon/load.js';
import { monthOf } from '../../src/text/dates.js';

export interface DatedSpan {
  start: number;
  end: number;
  iso: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, several: 3, few: 3,
  один: 1, одну: 1, одна: 1, два: 2, две: 2, три: 3, четыре: 4, пять: 5, шесть: 6, несколько: 3,
};
const EN_UNIT = String.raw`(day|week|month|year)s?`;
const RU_UNIT = String.raw`(д(?:ень|ня|ней)|сут\p{L}*|недел\p{L}*|нед\.|месяц\p{L}*|мес\.|год\p{L}*|лет)`;
const NUM = String.raw`(\d+|a|an|one|two|three|four|five|six|several|few|один|одну|одна|два|две|три|четыре|пять|шесть|несколько)`;

function shift(iso: string, n: number, unit: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  const u = unit.toLowerCase();
  if (/^(day|д|сут)/.test(u)) d.setUTCDate(d.getUTCDate() - n);
  else if (/^(week|нед)/.test(u)) d.setUTCDate(d.getUTCDate() - 7 * n);
  else if (/^(month|мес)/.test(u)) return monthBack(d, n);
  else return `${d.getUTCFullYear() - n}-${pad(d.getUTCMonth() + 1)}-01`;
  return d.toISOString().slice(0, 10);
}

function monthBack(d: Date, n: number): string {
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() - n;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-01`;
}

const patternCache = new WeakMap<LexiconSet, { spans: RegExp; monthCue: RegExp }>();

/** The relative-date patterns of a language (month names from its lexicon), built once. */
function patterns(lex: LexiconSet): { spans: RegExp; monthCue: RegExp } {
  let hit = patternCache.get(lex);
  if (hit) return hit;
  const lang = lex.lang;
  const months = lex.get('report/months');
  const cue = lang === 'en' ? String.raw`(?:since|from|in|early|late|mid|the\s+(?:end|beginning|middle)\s+of)` : String.raw`(?:с|в|со|начала|конца|середины|в\s+начале|в\s+конце)`;
  const spans =
    lang === 'en'
      ? new RegExp(String.raw`(?:(?:for|over)\s+(?:the\s+)?(?:last|past)?\s*(?:about\s+|approximately\s+|~)?${NUM}\s+${EN_UNIT}|${NUM}\s+${EN_UNIT}\s+(?:ago|before\s+(?:admission|presentation|this\s+visit|referral)|prior\s+to\s+(?:admission|presentation))|(?<![\p{L}])[x×]\s*${NUM}\s+${EN_UNIT}|${NUM}[-\s]${EN_UNIT}'?\s+history)`, 'giu')
      : new RegExp(String.raw`(?:${NUM}\s+${RU_UNIT}\s+(?:назад|до\s+(?:госпитализации|поступления|обращения))|(?:в\s+течение|на\s+протяжении)\s+(?:последних\s+)?${NUM}\s+${RU_UNIT})`, 'giu');
  // "с 15 февраля": a day may stand between the cue and the month.
  const monthCue = new RegExp(String.raw`(?<![\p{L}])${cue}\s+(?:(\d{1,2})\s+)?(?:(?:early|late|mid)[-\s]+)?(${months.terms.map((t) => t.source).join('|')})(?![\p{L}])(?!\s*,?\s*\d{4})`, 'giu');
  patternCache.set(lex, (hit = { spans, monthCue }));
  return hit;
}

/**
 * Dates written relative to the report: "3 weeks ago", "for 2 months", "2 weeks before
 * admission", "2 недели назад", and a month without a year after "since/from/in/с/в"
 * (the latest such month not after the report date). Nothing without a report date.
 */
export function relativeDates(text: string, reportIso: string | null, lex: LexiconSet): DatedSpan[] {
  if (!reportIso) return [];
  const out: DatedSpan[] = [];
  const { spans, monthCue } = patterns(lex);
  for (const m of text.matchAll(spans)) {
    // Each alternative captures (number)(unit): the first two groups it filled.
    const [num, unit] = m.slice(1).filter((g) => g !== undefined);
    if (!num || !unit) continue;
    const n = /^\d+$/.test(num) ? Number(num) : NUMBER_WORDS[num.toLowerCase()] ?? 0;
    if (n > 0) out.push({ start: m.index, end: m.index + m[0].length, iso: shift(reportIso, n, unit) });
  }
  const [ry, rm] = reportIso.split('-').map(Number) as [number, number];
  for (const m of text.matchAll(monthCue)) {
    const word = m[2]!;
    const mo = monthOf(lex, word);
    const day = Number(m[1] ?? 1);
    if (!mo || day < 1 || day > 31) continue;
    const year = mo <= rm ? ry : ry - 1;
    out.push({ start: m.index, end: m.index + m[0].length, iso: `${year}-${pad(mo)}-${pad(day)}` });
  }
  return out;
}
