/**
 * CSV (RFC 4180) that a spreadsheet cannot turn into a formula: a cell starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets a leading apostrophe (OWASP's advice against CSV
 * injection); every cell is quoted, quotes doubled; lines end with CRLF.
 */
export function csvCell(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${inert.replace(/"/g, '""')}"`;
}

/** A whole CSV document from rows of cells. */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
