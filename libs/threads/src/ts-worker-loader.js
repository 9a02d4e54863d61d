'use strict';
/*
 * Lets a worker thread run from the TypeScript sources (under jest, which transpiles the main thread only):
 * compiles .ts with swc on require and resolves the tsconfig path aliases. The built service runs the
 * compiled .js workers and never loads this file.
 */
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../../..');
const { paths } = JSON.parse(readFileSync(path.join(root, 'tsconfig.json'), 'utf8')).compilerOptions;
const aliases = Object.entries(paths).map(([from, [to]]) => ({
  prefix: from.replace(/\*$/, ''),
  wildcard: from.endsWith('*'),
  target: path.join(root, to.replace(/\*$/, '')),
}));

const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  for (const a of aliases) {
    if (a.wildcard ? request.startsWith(a.prefix) : request === a.prefix) {
      return resolve.call(this, a.wildcard ? path.join(a.target, request.slice(a.prefix.length)) : a.target, ...rest);
    }
  }
  return resolve.call(this, request, ...rest);
};

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
