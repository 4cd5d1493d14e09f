// The files editors use (core/schemas/*.schema.json) must equal the constants: regenerate with `npm run schemas`.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { EXAMPLE_PACK_DIRECTORY, exampleFiles } from '../validate/testing/example-pack';
import { META_SCHEMAS } from './index';

const SCHEMA_DIRECTORY = join(__dirname, '../../schemas');

describe('published meta-schema files', () => {
  it.each(Object.keys(META_SCHEMAS))('%s.schema.json equals the constant (run `npm run schemas` after a change)', (name) => {
    const published: unknown = JSON.parse(readFileSync(join(SCHEMA_DIRECTORY, `${name}.schema.json`), 'utf8'));
    expect(published).toEqual(META_SCHEMAS[name as keyof typeof META_SCHEMAS]);
  });

  it('every example document points its $schema at a published file of its kind', () => {
    for (const { file, json } of exampleFiles()) {
      const reference = (json as { $schema?: string }).$schema ?? '';
      const target = resolve(dirname(join(EXAMPLE_PACK_DIRECTORY, file)), reference);
      expect(existsSync(target)).toBe(true);
      expect(dirname(target)).toBe(SCHEMA_DIRECTORY);
    }
  });
});
