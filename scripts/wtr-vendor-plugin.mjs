// @jsonforms/core ships ESM that imports CommonJS (lodash/*, ajv). The dev server cannot serve that
// to a browser, so this plugin answers those imports with an esbuild bundle built once per run.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// specifier → [served path, whether the module has a default export]
const vendored = {
  '@jsonforms/core': ['/__vendor/jsonforms-core.js', false],
  ajv: ['/__vendor/ajv.js', true],
  'ajv-formats': ['/__vendor/ajv-formats.js', true],
  'ajv/dist/standalone/index.js': ['/__vendor/ajv-standalone.js', true],
};
const cache = new Map();

async function build(specifier, hasDefault) {
  if (!cache.has(specifier)) {
    const contents = hasDefault ? `import d from '${specifier}'; export default d;` : `export * from '${specifier}';`;
    cache.set(
      specifier,
      esbuild
        .build({
          stdin: { contents, resolveDir: root, loader: 'js' },
          bundle: true,
          format: 'esm',
          platform: 'browser',
          write: false,
          logLevel: 'silent',
          absWorkingDir: root,
        })
        .then((r) => r.outputFiles[0].text),
    );
  }
  return cache.get(specifier);
}

export function vendorPlugin() {
  return {
    name: 'hoso-vendor-cjs',
    resolveImport({ source }) {
      return vendored[source]?.[0];
    },
    async serve(context) {
      const entry = Object.entries(vendored).find(([, [url]]) => url === context.path);
      if (entry) return { body: await build(entry[0], entry[1][1]), type: 'js' };
      return undefined;
    },
  };
}
