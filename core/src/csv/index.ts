// CSV as the export writes it and the import reads it (RFC 4180), shared by the server and the web
// app's import screen (which maps a spreadsheet's columns to fields before sending it).
export { parseCsv, type CsvRecord } from './parse-csv';
export { cellText, csvLine, FORMULA_DEFUSED, FORMULA_START, quoteCell, UTF8_BOM } from './write-csv';
