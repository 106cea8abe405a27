import type { TestProject } from 'vitest/node';
import { startTestPostgres, TEST_PG_ENV } from './pg-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    FAULTLINE_TEST_PG: string;
  }
}

/**
 * Vitest global setup: one throwaway PostgreSQL for the whole run, its URL in
 * `FAULTLINE_TEST_PG` (env, inherited by test workers and spawned CLIs, and `inject()`).
 * A URL already set (a server of one's own) is used as is; `FAULTLINE_TEST_PG=none` skips
 * PostgreSQL. A server that fails to start fails the run in CI and is a skip note elsewhere.
 */
export default async function setup(project: TestProject) {
  const given = process.env[TEST_PG_ENV];
  if (given) {
    project.provide(TEST_PG_ENV, given);
    return undefined;
  }
  let server: Awaited<ReturnType<typeof startTestPostgres>>;
  try {
    server = await startTestPostgres();
  } catch (err) {
    // In CI a broken server fails the run; on a laptop the other tests still run.
    if (process.env.CI) throw err;
    console.warn(`note: ${(err as Error).message}; postgresql tests skip`);
    project.provide(TEST_PG_ENV, '');
    return undefined;
  }
  if (!server) {
    console.warn(
      'note: postgresql binaries not found under /usr/lib/postgresql/*/bin; postgresql tests skip',
    );
    project.provide(TEST_PG_ENV, '');
    return undefined;
  }
  process.env[TEST_PG_ENV] = server.url;
  project.provide(TEST_PG_ENV, server.url);
  return () => server.stop();
}
