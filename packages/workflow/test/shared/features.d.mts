import type { SuiteEnv, TestCase } from './suites.mjs';
export const featureMachine: unknown;
export function featureSuite(env: SuiteEnv): TestCase[];
