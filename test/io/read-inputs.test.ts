import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { readInputs, countInputs, type InputItem } from '../../src/io/read-inputs.js';
import { makePdf } from '../helpers/pdf.js';

let dir: string;
async function all(paths: string[], opts = {}): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readInputs(paths, opts)) out.push(item);
  return out;
}
const ids = (items: InputItem[]) => items.map((i) => (i.kind === 'report' ? i.input.id : `!${i.line.error.code}`));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'myelex-io-'));
  mkdirSync(join(dir, 'tree/sub'), { recursive: true });
  writeFileSync(join(dir, 'tree/a.txt'), 'MRI of the thoracic spine. Findings: normal.');
  writeFileSync(join(dir, 'tree/sub/b.txt'), 'МРТ грудного отдела. Заключение: норма.');
  writeFileSync(join(dir, 'tree/notes.md'), 'ignored in a directory');
  writeFileSync(join(dir, 'tree/.hidden.txt'), 'ignored');
  writeFileSync(
    join(dir, 'r.jsonl'),
    '{"id":"r1","patient":"p1","date":"2024-01-02","text":"a"}\n\nnot json\n{"id":"r3"}\n{"id":7,"text":"numeric id"}\n',
  );
  writeFileSync(join(dir, 'r.json'), JSON.stringify([{ id: 'j1', text: 'x' }, { id: 'j2', text: 'y' }]));
  writeFileSync(join(dir, 'r.csv'), 'report_id,body,pt\nc1,"line one\nline two",p9\n,missing id,p9\n');
  writeFileSync(join(dir, 'plain.csv'), 'id,text\nc2,hello\n');
  writeFileSync(join(dir, 'report.pdf'), makePdf(['MRI THORACIC SPINE', 'Findings: no cord lesion.']));
  writeFileSync(join(dir, 'scan.pdf'), makePdf(null));
  writeFileSync(join(dir, 'broken.pdf'), 'not a pdf at all');
  writeFileSync(join(dir, 'x.docx'), 'binary');
});

describe('readInputs', () => {
  it('reads a directory recursively in sorted order, skipping hidden and unknown files', async () => {
    expect(ids(await all([join(dir, 'tree')]))).toEqual(['a', 'b']);
  });
  it('reads JSON Lines: bad lines become error items with their line number, the rest goes on', async () => {
    const items = await all([join(dir, 'r.jsonl')]);
    expect(ids(items)).toEqual(['r1', '!E_INPUT_LINE_INVALID', '!E_INPUT_LINE_INVALID', '7']);
    const first = items[0]!;
    expect(first.kind === 'report' && first.input).toMatchObject({ patient: 'p1', date: '2024-01-02' });
    const bad = items[1]!;
    expect(bad.kind === 'error' && bad.line.error.line).toBe(3);
  });
  it('reads a JSON array', async () => {
    expect(ids(await all([join(dir, 'r.json')]))).toEqual(['j1', 'j2']);
  });
  it('reads CSV with renamed columns and multi-line cells', async () => {
    const items = await all([join(dir, 'r.csv')], { idCol: 'report_id', textCol: 'body', patientCol: 'pt' });
    expect(ids(items)).toEqual(['c1', '!E_INPUT_LINE_INVALID']);
    expect(items[0]!.kind === 'report' && items[0]!.input).toMatchObject({ text: 'line one\nline two', patient: 'p9' });
  });
  it('names the missing CSV column', async () => {
    const [item] = await all([join(dir, 'r.csv')]);
    expect(item!.kind === 'error' && item!.line.error.message).toMatch(/no column "id"/);
  });
  it('reads the text layer of a PDF; a PDF without one is a clear error naming the file', async () => {
    const items = await all([join(dir, 'report.pdf'), join(dir, 'scan.pdf'), join(dir, 'broken.pdf')]);
    expect(ids(items)).toEqual(['report', '!E_PDF_NO_TEXT', '!E_PDF_UNREADABLE']);
    expect(items[0]!.kind === 'report' && items[0]!.input.text).toMatch(/no cord lesion/);
    expect(items[1]!.kind === 'error' && items[1]!.line.error.message).toContain('scan.pdf');
  });
  it('turns a missing path and an unsupported file into error items', async () => {
    expect(ids(await all([join(dir, 'nope.txt'), join(dir, 'x.docx'), join(dir, 'plain.csv')]))).toEqual([
      '!E_INPUT_NOT_FOUND', '!E_INPUT_UNSUPPORTED', 'c2',
    ]);
  });
  it('reads standard input as JSON Lines or as one plain report', async () => {
    expect(ids(await all(['-'], { stdin: Readable.from(['{"id":"s1","text":"a"}\n{"id":"s2","text":"b"}\n']) }))).toEqual(['s1', 's2']);
    expect(ids(await all(['-'], { stdin: Readable.from(['MRI of the spine: normal.']) }))).toEqual(['stdin']);
  });
  it('counts reports for the progress bar', async () => {
    expect(await countInputs([join(dir, 'tree'), join(dir, 'plain.csv')])).toBe(3);
  });
});
