/** Reads one quoted field starting after its opening quote; returns its text and the next index. */
function quotedField(source: string, start: number): [string, number] {
  let text = '';
  for (let i = start; i < source.length; i++) {
    if (source[i] !== '"') text += source[i];
    else if (source[i + 1] !== '"') return [text, i + 1];
    else text += source[i++];
  }
  return [text, source.length];
}

/** Parses RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (char === '"' && field === '') {
      [field, i] = quotedField(source, i + 1);
      i--;
    } else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      rows.push([...row, field]);
      [row, field] = [[], ''];
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows.filter((cells) => cells.some((cell) => cell.trim() !== ''));
}
