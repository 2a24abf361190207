export interface TestCase {
  name: string;
  run: () => void | Promise<void>;
}
export interface SuiteEnv {
  lib: unknown;
  ajv: unknown;
  laws: unknown[];
  calendars: unknown[];
  overlays: unknown[];
  machine: unknown;
  tables: { deadlines: unknown[]; laws: unknown[]; refusals: unknown[] };
  graph: unknown;
}
export function assertEq(actual: unknown, expected: unknown, what: string): void;
export function procedure(env: SuiteEnv): unknown;
export function deadlineSuite(env: SuiteEnv): TestCase[];
export function lawSuite(env: SuiteEnv): TestCase[];
export function refusalSuite(env: SuiteEnv): TestCase[];
export function runtimeSuite(env: SuiteEnv): TestCase[];
export function pathSuite(env: SuiteEnv): { paths: unknown[]; cases: TestCase[] };
export function definitionSuite(env: SuiteEnv): TestCase[];
