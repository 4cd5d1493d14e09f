// Lets a spawned `node` run the TypeScript sources directly (crash tests start real worker
// processes): .ts files are transpiled on require with TypeScript's transpileModule, and
// @stagecraft/* resolve to their src/index.ts, as Jest's moduleNameMapper does.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const ts = require('typescript');

const root = path.resolve(__dirname, '../..');
const packages = { '@stagecraft/core': 'core', '@stagecraft/metadata': 'metadata', '@stagecraft/runtime': 'runtime' };
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolve(request, ...rest) {
  const folder = packages[request];
  if (folder) return path.join(root, folder, 'src/index.ts');
  return resolveFilename.call(this, request, ...rest);
};
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { outputText } = ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, sourceMap: false },
  });
  module._compile(outputText, filename);
};
