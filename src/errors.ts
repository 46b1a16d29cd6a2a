/** Error codes a user can meet, with what they mean. The README's table is this registry. */
export const ERROR_CODES = Object.freeze({
  E_INPUT_NOT_FOUND: 'the input path does not exist',
  E_INPUT_UNSUPPORTED: 'the input file type is not one myelex reads (.txt, .pdf, .jsonl, .json, .csv, a directory, or -)',
  E_INPUT_LINE_INVALID: 'a JSONL line is not JSON or lacks id/text; a CSV row lacks the id or text column',
  E_INPUT_NO_TEXT: 'the report text is empty',
  E_PDF_UNREADABLE: 'the PDF could not be parsed',
  E_PDF_NO_TEXT: 'the PDF has no text layer (a scan): run OCR first',
  E_LANGUAGE_UNSUPPORTED: 'the text is neither English nor Russian',
  E_LEXICON_INVALID: 'a lexicon file does not match its schema',
  E_CORPUS_INVALID: 'an extractor corpus file does not match its schema',
  E_EXTRACTOR_CRASHED: 'an extractor threw; its fields stay null and the report goes on',
  E_TIMEOUT: 'the report took longer than the time limit',
  E_INTERNAL: 'an unexpected error; please report it',
} as const);

export type ErrorCode = keyof typeof ERROR_CODES;

export class MyelexError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? ERROR_CODES[code], options);
    this.code = code;
    this.name = 'MyelexError';
  }
}

/** Errors that the same input would raise again: not worth a retry. */
export const DETERMINISTIC_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'E_INPUT_LINE_INVALID', 'E_INPUT_NO_TEXT', 'E_PDF_UNREADABLE', 'E_PDF_NO_TEXT', 'E_LANGUAGE_UNSUPPORTED', 'E_TIMEOUT',
]);

export function toErrorInfo(err: unknown): { code: ErrorCode; message: string } {
  if (err instanceof MyelexError) return { code: err.code, message: err.message };
  return { code: 'E_INTERNAL', message: err instanceof Error ? err.message : String(err) };
}
