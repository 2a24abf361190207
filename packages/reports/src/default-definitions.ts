/**
 * The definitions shipped in workflows/indicators, as `hoso build` emits them (workflows/generated/indicators.js):
 * what `computeReport` uses when it is given none.
 */
import { definitions } from '@hoso/workflows/generated/indicators.js';
import type { IndicatorDefinitions } from './definitions/types.js';

export function defaultDefinitions(): IndicatorDefinitions {
  return definitions as unknown as IndicatorDefinitions;
}
