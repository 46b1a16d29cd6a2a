import type { Finding } from '../../src/schema/evidence.js';
import { defineExtractor } from '../define.js';
import { clauseAround, treatmentStatus } from './clauses.js';

// A triplet without its agents named: methotrexate and cytarabine are certain, the steroid is not.
const TRIPLET = /трипл|triple|triplet/i;
const TRIPLET_CORE = ['methotrexate', 'cytarabine'] as const;

/**
 * note.intrathecal_agents: the agents named with an intrathecal mention that was given,
 * in its clause: after the mention up to a systemic route ("IV", "oral", "в/в", "high-dose"),
 * else before it ("methotrexate ... intrathecally"). Hydrocortisone is not in the dictionary.
 */
export const intrathecalAgents = defineExtractor({
  meta: {
    id: 'note/intrathecal-agents',
    fields: ['note.intrathecal_agents'],
    reportTypes: ['note'],
    lexicons: ['note/intrathecal', 'note/agents', 'note/systemic-route', 'note/planned', 'note/not-given'],
    description: 'Agents given intrathecally (methotrexate, cytarabine, dexamethasone, prednisolone).',
  },
  extract(doc, ctx) {
    const out: Finding[] = [];
    const agents = ctx.mentions('note/agents');
    const routes = ctx.mentions('note/systemic-route');
    for (const m of ctx.mentions('note/intrathecal')) {
      if (m.value !== 'given' || treatmentStatus(doc, ctx, m) !== 'given') continue;
      const clause = clauseAround(doc, m);
      const stopAfter = routes.find((r) => r.start >= m.end && r.start < clause.end)?.start ?? clause.end;
      let named = agents.filter((a) => a.start >= m.start && a.end <= stopAfter);
      if (!named.length) {
        const stopBefore = [...routes].reverse().find((r) => r.end <= m.start && r.start >= clause.start)?.end ?? clause.start;
        named = agents.filter((a) => a.start >= stopBefore && a.end <= m.start);
      }
      for (const a of named) out.push(ctx.finding({ field: 'note.intrathecal_agents', value: a.value, start: a.start, end: a.end, assertion: m.assertion }));
      if (!named.length && TRIPLET.test(m.text + doc.norm.slice(m.end, m.end + 12))) {
        for (const value of TRIPLET_CORE) out.push(ctx.finding({ field: 'note.intrathecal_agents', value, start: m.start, end: m.end, assertion: m.assertion, implied: true }));
      }
    }
    return out;
  },
});
