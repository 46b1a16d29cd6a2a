/**
 * mri.cord_enhancement: contrast uptake bound to the cord or its lesion, or stated with no
 * structure at all ("no enhancement after contrast"). Uptake by the roots, meninges, a mass or
 * the marrow is not; null when no contrast was given. A contrast phrase ("contrast-enhanced
 * MRI") is not an enhancement.
 */
import { boundStatusField } from './bound-status.js';
import { contrastCues, contrastGiven } from './contrast.js';

export const cordEnhancement = boundStatusField({
  id: 'mri/cord-enhancement',
  field: 'mri.cord_enhancement',
  lexicon: 'mri/enhancement',
  description: 'Contrast uptake in the cord or the cord lesion.',
  structures: ['cord', 'lesion', 'none'],
  spinalOnly: true,
  skipReport: (doc, ctx) => contrastGiven(doc, ctx) === false,
  skip: (m, doc, ctx) => contrastCues(doc, ctx).some((c) => c.start < m.end && m.start < c.end),
});
