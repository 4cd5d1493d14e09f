// `stagecraft types` writes a pack's entity declarations to a file that TypeScript accepts.
// json-schema-to-typescript loads Prettier 3, whose dynamic import() Jest's CommonJS sandbox
// refuses; the generator runs with formatting off, so the formatter is replaced by identity here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { runCli } from '@stagecraft/runtime';
import { EXAMPLE_PACK } from './runtime-harness';

jest.mock('prettier', () => ({ format: (code: string) => code }));

describe('stagecraft types', () => {
  let directory: string;
  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'stagecraft-types-'));
  });
  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('writes a .d.ts with read, create and update types for every entity of the pack', async () => {
    const out = path.join(directory, 'example.d.ts');
    const lines: string[] = [];
    const result = await runCli(['types', EXAMPLE_PACK, '--out', out], {}, { io: { out: (line) => lines.push(line), error: (line) => lines.push(line) }, workingDirectory: directory });
    expect(result.exitCode).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    for (const name of ['Account', 'AccountCreate', 'AccountUpdate', 'Opportunity', 'Contact', 'Tag']) expect(text).toMatch(new RegExp(`export interface ${name} \\{`));
    expect(text).toMatch(/amount\?: \(number \| null\)/);

    const program = ts.createProgram([out], { noEmit: true, strict: true, skipLibCheck: false, types: [] });
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });

  it('exits 1 naming the file and path when the pack is invalid', async () => {
    const broken = path.join(directory, 'broken');
    fs.cpSync(EXAMPLE_PACK, broken, { recursive: true });
    const account = path.join(broken, 'entities', 'account.json');
    fs.writeFileSync(account, fs.readFileSync(account, 'utf8').replace('"type": "string"', '"type": "strin"'));
    const errors: string[] = [];
    const result = await runCli(['types', broken, '--out', path.join(directory, 'x.d.ts')], {}, { io: { out: () => undefined, error: (line) => errors.push(line) }, workingDirectory: directory });
    expect(result.exitCode).toBe(1);
    expect(errors.join('\n')).toContain('entities/account.json: /fields/0/type: must be one of');
    expect(fs.existsSync(path.join(directory, 'x.d.ts'))).toBe(false);
  });
});
