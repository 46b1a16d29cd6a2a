/**
 * The segment of a line around a span: up to the nearest ';' or line break on each side,
 * within [lo, hi). Read by char code: on a Russian (two-byte) text, `text[i]` makes a new
 * one-character string per unit.
 */
import { LINE_FEED, SEMICOLON } from '../../src/text/chars.js';

export function isSegmentBreak(code: number): boolean {
  return code === SEMICOLON || code === LINE_FEED;
}

export function segmentAround(text: string, start: number, end: number, lo: number, hi: number): { start: number; end: number } {
  let s = start;
  while (s > lo && !isSegmentBreak(text.charCodeAt(s - 1))) s--;
  let e = end;
  while (e < hi && !isSegmentBreak(text.charCodeAt(e))) e++;
  return { start: s, end: e };
}
