import type { Extractor } from '../define.js';
import { intrathecalAgents } from './intrathecal-agents.js';
import { intrathecalChemo } from './intrathecal-chemo.js';
import { radiation } from './radiation.js';
import { symptomOnset } from './symptom-onset.js';

export const NOTE_EXTRACTORS: readonly Extractor[] = [intrathecalAgents, intrathecalChemo, radiation, symptomOnset];
