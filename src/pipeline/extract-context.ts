import type { ExtractContext, FindingInit, Mention } from '../../extractors/define.js';
import type { Finding, Warning } from '../schema/evidence.js';
import { assertionIn, sentenceContext, type AssertionResult, type SentenceContext } from './context.js';
import { sectionAt, sentenceAt, spanOf, type ParsedReport, type SectionName, type Sentence } from './document.js';
import { lap } from './parse.js';

/**
 * Per-report state shared by the extractors of one run: sentence contexts, lexicon
 * mentions and memoized dimensions are computed once, whichever extractor asks first.
 */
export class ReportState {
  readonly warnings: Warning[] = [];
  private readonly contexts = new Map<number, SentenceContext>();
  private readonly mentionCache = new Map<string, Mention[]>();
  private readonly memos = new Map<string, unknown>();

  /** `timings`: the benchmark hook of ProcessOptions (ConText time goes to 'context'). */
  constructor(
    readonly doc: ParsedReport,
    private readonly timings?: Record<string, number>,
  ) {}

  contextOf(sentenceIndex: number): SentenceContext {
    let ctx = this.contexts.get(sentenceIndex);
    if (!ctx) {
      const s = this.doc.sentences[sentenceIndex]!;
      ctx = sentenceContext(this.doc.norm, s.start, s.end, this.doc.lex);
      this.contexts.set(sentenceIndex, ctx);
    }
    return ctx;
  }

  assertion(start: number, end: number): AssertionResult {
    if (!this.timings) return this.assertionNow(start, end);
    const t0 = performance.now();
    const result = this.assertionNow(start, end);
    lap(this.timings, 'context', t0);
    return result;
  }

  private assertionNow(start: number, end: number): AssertionResult {
    const s = sentenceAt(this.doc, start);
    if (!s) return { assertion: 'affirmed' };
    return assertionIn(this.doc.norm, this.contextOf(s.index), start, Math.min(end, s.end));
  }

  mentions(lexiconId: string): Mention[] {
    let list = this.mentionCache.get(lexiconId);
    if (!list) {
      list = [];
      for (const m of this.doc.lex.get(lexiconId).find(this.doc.norm)) {
        const sentence = sentenceAt(this.doc, m.start);
        if (!sentence) continue;
        list.push(new LazyMention(this, m.start, m.end, m.text, m.term.value, sentence));
      }
      this.mentionCache.set(lexiconId, list);
    }
    return list;
  }

  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  /** The context one extractor sees: findings it builds carry its id as the rule id. */
  contextFor(ruleId: string): ExtractContext {
    const doc = this.doc;
    return {
      lang: doc.lang,
      assertion: (start, end) => this.assertion(start, end),
      mentions: (id, sections?: readonly SectionName[]) => {
        const all = this.mentions(id);
        return sections ? all.filter((m) => sections.includes(m.sentence.section)) : all;
      },
      finding: (init) => buildFinding(this, ruleId, init),
      memo: (key, compute) => this.memo(key, compute),
      warn: (code, message, start, end) => {
        const w: Warning = { code, message };
        if (start !== undefined) w.span = spanOf(doc, start, end ?? start).span;
        this.warnings.push(w);
      },
    };
  }
}

/**
 * A mention whose assertion (ConText over its sentence, the costliest step) is computed when
 * an extractor first reads it: most mentions are dropped before they become findings.
 */
class LazyMention implements Mention {
  private result: AssertionResult | undefined;
  constructor(
    private readonly state: ReportState,
    readonly start: number,
    readonly end: number,
    readonly text: string,
    readonly value: string | number | boolean | undefined,
    readonly sentence: Sentence,
  ) {}
  get assertion(): AssertionResult {
    return (this.result ??= this.state.assertion(this.start, this.end));
  }
}

function buildFinding(state: ReportState, ruleId: string, init: FindingInit): Finding {
  const doc = state.doc;
  const { span, text } = spanOf(doc, init.start, init.end);
  const result: AssertionResult =
    init.assertion === undefined
      ? state.assertion(init.start, init.end)
      : typeof init.assertion === 'string'
        ? { assertion: init.assertion }
        : init.assertion;
  const finding: Finding = {
    field: init.field,
    value: init.value,
    assertion: result.assertion,
    section: sectionAt(doc, init.start),
    span,
    text,
    ruleId,
  };
  if (result.trigger) {
    const t = spanOf(doc, result.trigger.start, result.trigger.end);
    finding.trigger = { text: t.text, span: t.span, category: result.trigger.category };
  }
  if (init.implied) finding.implied = true;
  if (init.reference) finding.reference = init.reference;
  if (init.flag) finding.flag = init.flag;
  if (init.unit) finding.unit = init.unit;
  return finding;
}
