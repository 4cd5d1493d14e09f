// Reads a pack's seed folder (`<pack>/seed/pools.json` plus the step files, in file-name order)
// and checks every file against the seed schemas and the rules a schema cannot express (refs
// name earlier steps, pools exist). Problems name the file and JSON path.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { ValidationError, ajvErrorsToProblems, type Problem } from '@stagecraft/core';
import { SEED_POOLS_SCHEMA, SEED_STEP_SCHEMA } from './seed-schema';
import type { SeedDefinition, SeedFields, SeedGenerator, SeedPools, SeedStep } from './seed-types';

export const SEED_FOLDER = 'seed';
const POOLS_FILE = 'pools.json';

const ajv = new Ajv({ allErrors: true, strict: false });
const validatePools = ajv.compile<SeedPools>(SEED_POOLS_SCHEMA);
const validateStep = ajv.compile<SeedStep>(SEED_STEP_SCHEMA);

/** The pack's seed, or null when it has none. */
export async function loadSeed(packDirectory: string): Promise<SeedDefinition | null> {
  const folder = path.join(packDirectory, SEED_FOLDER);
  let names: string[];
  try {
    names = (await fs.readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const problems: Problem[] = [];
  const read = async (name: string): Promise<unknown> => {
    try {
      return JSON.parse(await fs.readFile(path.join(folder, name), 'utf8')) as unknown;
    } catch (error) {
      problems.push({ path: `${SEED_FOLDER}/${name}`, message: error instanceof Error ? error.message : String(error), code: 'invalidJson' });
      return undefined;
    }
  };
  if (!names.includes(POOLS_FILE)) throw new ValidationError(`The seed in ${folder} has no ${POOLS_FILE}`, [{ path: `${SEED_FOLDER}/${POOLS_FILE}`, message: 'is missing', code: 'missingFile' }]);
  const pools = await read(POOLS_FILE);
  if (pools !== undefined && !validatePools(pools)) problems.push(...inFile(POOLS_FILE, ajvErrorsToProblems(validatePools.errors)));
  const steps: SeedDefinition['steps'] = [];
  for (const name of names.filter((candidate) => candidate !== POOLS_FILE)) {
    const step = await read(name);
    if (step === undefined) continue;
    if (!validateStep(step)) problems.push(...inFile(name, ajvErrorsToProblems(validateStep.errors)));
    else steps.push({ ...step, file: name });
  }
  if (problems.length === 0 && validatePools(pools)) problems.push(...crossChecks(pools, steps));
  if (problems.length > 0) throw new ValidationError(`The seed in ${folder} is not valid`, problems);
  const valid = pools as SeedPools;
  return { name: valid.name, pools: valid.pools, steps };
}

function inFile(file: string, problems: Problem[]): Problem[] {
  return problems.map((problem) => ({ ...problem, path: `${SEED_FOLDER}/${file}${problem.path}` }));
}

/** Refs and forEach name earlier steps; pools exist; step keys are unique. */
function crossChecks(pools: SeedPools, steps: SeedDefinition['steps']): Problem[] {
  const problems: Problem[] = [];
  const earlier = new Set<string>();
  for (const step of steps) {
    const key = step.key ?? step.entity;
    const at = (pointer: string): string => `${SEED_FOLDER}/${step.file}${pointer}`;
    if (earlier.has(key)) problems.push({ path: at('/key'), message: `repeats the step key "${key}" (set "key")`, code: 'duplicateName' });
    if (step.forEach && !earlier.has(step.forEach.ref)) problems.push({ path: at('/forEach/ref'), message: `"${step.forEach.ref}" is not an earlier step`, code: 'unknownStep' });
    const check = (fields: SeedFields | undefined, pointer: string): void => {
      for (const [name, generator] of Object.entries(fields ?? {})) checkGenerator(generator, `${pointer}/${name}`);
    };
    const checkGenerator = (generator: SeedGenerator, pointer: string): void => {
      if ('ref' in generator && !earlier.has(generator.ref)) problems.push({ path: at(`${pointer}/ref`), message: `"${generator.ref}" is not an earlier step`, code: 'unknownStep' });
      if ('pool' in generator && !pools.pools[generator.pool]) problems.push({ path: at(`${pointer}/pool`), message: `"${generator.pool}" is not a pool of ${POOLS_FILE}`, code: 'unknownPool' });
      if ('template' in generator) {
        for (const match of generator.template.matchAll(/\{pool:([a-zA-Z0-9]+)/g)) {
          if (!pools.pools[match[1] ?? '']) problems.push({ path: at(`${pointer}/template`), message: `"${match[1] ?? ''}" is not a pool of ${POOLS_FILE}`, code: 'unknownPool' });
        }
      }
      if ('then' in generator) checkGenerator(generator.then, `${pointer}/then`);
      if ('else' in generator && generator.else) checkGenerator(generator.else, `${pointer}/else`);
    };
    check(step.fields, '/fields');
    if (step.process) {
      checkGenerator(step.process.target, '/process/target');
      for (const [target, route] of Object.entries(step.process.paths)) {
        check(route.fields, `/process/paths/${target}/fields`);
        check(route.data, `/process/paths/${target}/data`);
      }
    }
    earlier.add(key);
  }
  return problems;
}
