#!/usr/bin/env node
// Publishes the meta-schemas as core/schemas/<name>.schema.json, generated from the compiled
// constants in core/dist (run `npm run schemas`). The files are committed; a unit test fails
// when they drift from the constants.
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { META_SCHEMAS } = require('../dist');

const directory = join(__dirname, '..', 'schemas');
mkdirSync(directory, { recursive: true });
for (const [name, schema] of Object.entries(META_SCHEMAS)) {
  const file = join(directory, `${name}.schema.json`);
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${file}`);
}
