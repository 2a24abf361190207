// Global Storybook setup: a locale toolbar (vi default, en) that sets `lang` on the story's wrapper and on
// <html>; <hoso-form> resolves its language from the closest ancestor with `lang`.
import type { Decorator, Preview } from '@storybook/web-components-vite';
import { html } from 'lit';

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
