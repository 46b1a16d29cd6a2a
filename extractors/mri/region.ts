/**
 * mri.region: the regions named in the title zone, a label line or the technique
 * ("lumbosacral" gives lumbar and sacral, "whole spine" cervical, thoracic and lumbar).
 * Levels of a lesion do not add a region: a cervical study may show the first thoracic levels.
 */
import { defineExtractor } from '../define.js';
import { regionMentions } from './study.js';

export const region = defineExtractor({
  meta: {
    id: 'mri/region',
    fields: ['mri.region'],
    reportTypes: ['mri'],
    lexicons: ['mri/regions'],
    description: 'Regions imaged.',
  },
  extract(doc, ctx) {
    return regionMentions(doc, ctx).map((r) =>
      ctx.finding({ field: 'mri.region', value: r.regions, start: r.mention.start, end: r.mention.end, assertion: 'affirmed' }),
    );
  },
});
