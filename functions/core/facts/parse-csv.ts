/**
 * RFC 4180 CSV reader: quoted fields, doubled quotes, separators and line breaks inside
 * quotes, CRLF or LF. One pass over the input, so a large file costs linear time.
 */

export interface CsvRecord {
  /** 1-based line number where the record starts, for error messages. */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

export function parseCsv(input: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    // A blank line is not a record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      inQuotes = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
    i++;
  }
  if (inQuotes)
    throw new CsvSyntaxError(`unterminated quoted field starting on line ${recordLine}`, recordLine);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
