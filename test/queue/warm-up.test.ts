import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesJob } from '../../src/queue/article-job.js';
import { documentsFromJob } from '../../src/queue/documents-from-job.js';
import { warmUpWorker } from '../../src/queue/worker.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

describe('worker warm-up', () => {
  it('leaves what the pipeline makes of a job unchanged', () => {
    // Cold: this process has not loaded the registries yet when the first job runs.
    const jobs = ['text/05-herzog-visits-baku.txt', 'html/17-putin-state-visit-baku.html'].map((f) =>
      bytesJob(f, readFileSync(join(EXAMPLES, f)), null, null, null, {}),
    );
    const cold = jobs.map((j) => documentsFromJob(j, {}));
    warmUpWorker({});
    const warm = jobs.map((j) => documentsFromJob(j, {}));
    expect(warm).toEqual(cold);
    expect(cold.flat().every((d) => d.events.length > 0)).toBe(true);
  });
});
