import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/pipeline/split-sentences.js';
import type { Section } from '../../src/pipeline/document.js';

const whole = (text: string): Section[] => [{ name: 'findings', heading: '', start: 0, end: text.length }];
const sentences = (text: string) => splitSentences(text, whole(text)).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('splits at . ! ? then a space, before a capital, a digit or a bullet, in both languages', () => {
    expect(sentences('No cord lesion. Conus normal! Roots? Not thickened.')).toEqual(['No cord lesion.', 'Conus normal!', 'Roots?', 'Not thickened.']);
    expect(sentences('Очагов нет. Конус обычный. 2 очага в Th10.')).toEqual(['Очагов нет.', 'Конус обычный.', '2 очага в Th10.']);
    expect(sentences('Seen. • Next. «Цитата». (Aside.) - dash. *Star.')).toEqual(['Seen.', '• Next.', '«Цитата».', '(Aside.) - dash.', '*Star.']);
  });
  it('does not split before a lower-case word, inside a number, or after an abbreviation or an initial', () => {
    expect(sentences('Seen at approx. 3 cm. then gone.')).toEqual(['Seen at approx. 3 cm. then gone.']);
    expect(sentences('Protein 0.45 g/L. Cells 5.')).toEqual(['Protein 0.45 g/L.', 'Cells 5.']);
    expect(sentences('Dr. Smith saw J. Doe. Next.')).toEqual(['Dr. Smith saw J. Doe.', 'Next.']);
    expect(sentences('с 5 по 7 т.е. Th5. Далее.')).toEqual(['с 5 по 7 т.е. Th5.', 'Далее.']);
    expect(sentences('в/в. Введено 5 мг. Далее в/в. Затем.')).toEqual(['в/в. Введено 5 мг.', 'Далее в/в. Затем.']);
    expect(sentences('Note.Next part.')).toEqual(['Note.Next part.']);
  });
  it('joins a wrapped line and splits at a line that starts a new statement', () => {
    expect(sentences('Signal change in the\ncord at T10\nConus normal')).toEqual(['Signal change in the\ncord at T10', 'Conus normal']);
    expect(sentences('Line one:\nline two\n\nline three')).toEqual(['Line one:', 'line two', 'line three']);
  });
  it('reads a word before a period with an astral letter as the regex does', () => {
    expect(sentences('See 𝐀. Next.')).toEqual(['See 𝐀.', 'Next.']);
    expect(sentences('Ms. 𝐀bc. Next.')).toEqual(['Ms. 𝐀bc.', 'Next.']);
  });
});
