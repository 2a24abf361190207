/** Types of generate.mjs (used by .storybook/main.ts). */
export declare const OUT: string;
export declare function storyFile(
  id: string,
  list: readonly { file: string; kind: 'valid' | 'invalid'; expect?: { path: string; keyword: string } }[],
): string;
export declare function generateFormStories(log?: (line: string) => void): number;
