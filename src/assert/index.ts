export { assertConcept, assertConceptDetail, detectLanguage, AssertInput, AssertTrigger } from './assert-concept.js';
export type { AssertOutput, AssertDetail } from './assert-concept.js';
export { runAssertCommand } from './cli.js';
