// The reference workflows pack (tests/fixtures/packs/workflows) is a valid pack whose processes compile.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateBundle } from '../validate/bundle-validator';
import { validateDocument } from '../validate/document-validator';
import { findProcessProblems } from './compile/compile-process';
import { createProcessRegistry } from './registry/create-registry';
import { WORKFLOWS_PACK_DIRECTORY, workflowsBundle } from './testing/workflows-pack';

describe('the reference workflows pack', () => {
  const bundle = workflowsBundle();

  it('has a valid manifest and valid documents, alone and together', () => {
    expect(validateDocument(JSON.parse(readFileSync(join(WORKFLOWS_PACK_DIRECTORY, 'pack.json'), 'utf8'))).problems).toEqual([]);
    for (const document of [...Object.values(bundle.entities), ...Object.values(bundle.processes)]) {
      expect({ name: document.name, problems: validateDocument(document).problems }).toEqual({ name: document.name, problems: [] });
    }
    expect(validateBundle(bundle)).toEqual([]);
  });

  it.each(['salesPipeline', 'ticketRouting', 'campaignJourney'])('%s compiles against the built-in registry', (name) => {
    const process = bundle.processes[name];
    if (!process) throw new Error(`no process ${name}`);
    expect(findProcessProblems(process, createProcessRegistry(), { bundle })).toEqual([]);
  });
});
