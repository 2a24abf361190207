// Global Storybook setup: the elements' manifest, and a locale toolbar (vi default, en) that sets `lang` on the story's wrapper and on
// <html>; <hoso-form> resolves its language from the closest ancestor with `lang`.
/// <reference types="vite/client" />
import { setCustomElementsManifest, type Decorator, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';

// The Custom Elements Manifest (`pnpm --filter @hoso/forms cem`, run by `pnpm build-storybook`) documents
// <hoso-form>'s properties, events, parts and CSS properties on the Docs page. A glob, so a build without the
// (generated, git-ignored) manifest still works.
const manifests = import.meta.glob<{ default: object }>('../packages/forms/custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0]?.default;
if (manifest) setCustomElementsManifest(manifest);

const withLocale: Decorator = (story, context) => {
  const locale = context.globals['locale'] === 'en' ? 'en' : 'vi';
  document.documentElement.lang = locale;
  return html`<div lang=${locale} class="hoso-story">${story()}</div>`;
};

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'Language of the form (lang)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'vi', title: 'Tiếng Việt (vi)' },
          { value: 'en', title: 'English (en)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'vi' },
  decorators: [withLocale],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
};

export default preview;
