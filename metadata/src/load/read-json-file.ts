// Reads one JSON file from a pack. A file that cannot be read or parsed becomes a problem that
// names the file and, for a syntax error, the line and column, instead of an exception.
import fs from 'node:fs/promises';
import type { Problem } from '@stagecraft/core';

export type JsonFileResult = { value: unknown; problems: [] } | { value?: undefined; problems: Problem[] };

/** `file` is the path shown in problems; `absolutePath` is where to read. */
export async function readJsonFile(absolutePath: string, file: string): Promise<JsonFileResult> {
  let text: string;
  try {
    text = await fs.readFile(absolutePath, 'utf8');
  } catch (error) {
    return { problems: [{ file, path: '', code: 'unreadable', message: `cannot read file: ${messageOf(error)}` }] };
  }
  try {
    return { value: JSON.parse(stripByteOrderMark(text)) as unknown, problems: [] };
  } catch (error) {
    return { problems: [{ file, path: '', code: 'invalidJson', message: `invalid JSON: ${withLineAndColumn(messageOf(error), text)}` }] };
  }
}

/** Node 20's parser reports a character offset; people look for a line and a column. */
export function withLineAndColumn(message: string, text: string): string {
  const match = /at position (\d+)/.exec(message);
  if (!match?.[1] || /line \d+/.test(message)) return message;
  const offset = Number(match[1]);
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = (before[before.length - 1] ?? '').length + 1;
  return `${message} (line ${line}, column ${column})`;
}

function stripByteOrderMark(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
