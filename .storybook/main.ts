// Storybook for @hoso/forms (web-components-vite). `pnpm storybook` serves it on :6006, `pnpm build-storybook`
// writes storybook-static/ (offline: no network at build time). Stories live next to their renderers
// (`packages/forms/src/**/*.stories.ts`) and share the helpers in `.storybook/form-story.ts`. Every form of
// schemas/ gets a story file generated into `.storybook/forms/generated/` when Storybook starts or builds
// (forms/generate.mjs, from schemas/generated/fixtures.js; see .storybook/README.md).
//
// Decorators: the project uses TypeScript's legacy `experimentalDecorators` (docs/decisions/0001), which Vite's
// oxc transform lowers by itself, reading tsconfig.base.json through each package's tsconfig. No esbuild
// pre-transform is needed (TOOLCHAIN §10 needed one only for standard `accessor` decorators).
import type { StorybookConfig } from '@storybook/web-components-vite';

/**
 * packages/forms/package.json lists only its `dist/` entries under `sideEffects`, so Vite's production build would
 * drop the `src/` modules whose only effect is `customElements.define` (the story shows an un-upgraded element).
 * Stories import `src/` directly: mark those modules as having side effects.
 */
const keepSourceSideEffects = {
  name: 'hoso-keep-source-side-effects',
  transform(code: string, id: string) {
    return /[\\/]packages[\\/][^\\/]+[\\/]src[\\/]/.test(id) ? { code, moduleSideEffects: true } : null;
  },
};

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  // A function, so the form story files are (re)generated each time Storybook reads its configuration.
  stories: async () => {
    const { generateFormStories } = await import('./forms/generate.mjs');
    generateFormStories();
    return [
      '../packages/forms/src/**/*.stories.ts',
      '../packages/elements/src/**/*.stories.ts',
      './forms/generated/*.stories.ts',
    ];
  },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(vite) {
    return {
      ...vite,
      // @jsonforms/core, ajv and ajv-formats are CommonJS inside: let Vite pre-bundle them to ESM.
      optimizeDeps: {
        ...vite.optimizeDeps,
        include: [...(vite.optimizeDeps?.include ?? []), '@jsonforms/core', 'ajv', 'ajv-formats'],
      },
      resolve: { ...vite.resolve, conditions: ['production', 'browser', 'module', 'import', 'default'] },
      plugins: [...(vite.plugins ?? []), keepSourceSideEffects],
    };
  },
};

export default config;
