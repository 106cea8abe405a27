import { describe, expect, it } from 'vitest';
import { ingestOptions } from '../../src/ingest/index.js';
import { bytesJob, jobIdFromKey, jobKey, recordJob } from '../../src/queue/article-job.js';
import { databaseUrlOrThrow } from '../../src/queue/database-url.js';
import { BadInputError, documentsFromJob } from '../../src/queue/documents-from-job.js';
import { sourceJobs } from '../../src/queue/source-jobs.js';
import { Readable } from 'node:stream';

const TEXT = Buffer.from(
  'Iran and Armenia\n\nYerevan, 4 March 2024 — Armenia signed a transit agreement with Iran on Monday.\n',
);

describe('article jobs', () => {
  it('key a document by its content and reading options, not by its name', () => {
    const a = jobKey(bytesJob('a.txt', TEXT, 'text', null, null, {}));
    expect(jobKey(bytesJob('elsewhere/b.txt', TEXT, 'text', null, null, {}))).toBe(a);
    expect(jobKey(bytesJob('a.txt', TEXT, 'text', null, null, { published: '2024-03-05' }))).not.toBe(a);
    expect(jobKey(bytesJob('a.txt', TEXT, 'html', null, null, {}))).not.toBe(a);
    expect(
      jobKey(bytesJob('a.txt', Buffer.concat([TEXT, Buffer.from('x')]), 'text', null, null, {})),
    ).not.toBe(a);
  });

  it('turn a key into a stable uuid', () => {
    const id = jobIdFromKey('0123456789abcdef'.repeat(4));
    expect(id).toBe('01234567-89ab-5def-8123-456789abcdef');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('carry compressed bytes that the worker reads back into the same document ingest makes', () => {
    const job = bytesJob('a.txt', TEXT, 'text', null, null, { published: '2024-03-04' });
    expect(Buffer.from(job.bytes!, 'base64').subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const [doc] = documentsFromJob(JSON.parse(JSON.stringify(job)), {});
    expect(doc.input).toBe('a.txt');
    expect(doc.body).toContain('Armenia signed a transit agreement with Iran');
  });

  it('fail bad input with one line naming it', () => {
    const empty = bytesJob('bad.txt', Buffer.alloc(0), 'text', null, null, {});
    expect(() => documentsFromJob(empty, {})).toThrow(BadInputError);
    expect(() => documentsFromJob(empty, {})).toThrow(
      /^cannot read bad\.txt: empty file; pass a file with article text$/,
    );
    expect(() => documentsFromJob({ nonsense: true } as never, {})).toThrow(/^cannot read job: /);
  });

  it('split a container into one job per record, and report its bad lines at once', async () => {
    const jsonl = [
      JSON.stringify({ id: 'r1', text: 'Armenia signed a transit agreement with Iran on Monday.' }),
      '{not json',
      JSON.stringify({ id: 'r2', text: 'Georgia condemned Russia on Tuesday.' }),
    ].join('\n');
    const { jobs, failures } = await sourceJobs(
      { type: 'stdin', input: '-' },
      ingestOptions({ stdin: Readable.from([Buffer.from(jsonl)]) }),
      {},
    );
    expect(jobs.map((j) => j.input)).toEqual(['r1', 'r2']);
    expect(jobs.every((j) => j.article && !j.bytes)).toBe(true);
    expect(failures).toHaveLength(1);
    expect(failures[0].message).toMatch(/^cannot read -:2: invalid json/);
    expect(documentsFromJob(recordJob(jobs[1].article!, {}), {})[0].body).toContain(
      'Georgia condemned Russia',
    );
  });

  it('need a postgresql url', () => {
    expect(databaseUrlOrThrow('postgres://h/db', {})).toBe('postgres://h/db');
    expect(databaseUrlOrThrow(undefined, { DATABASE_URL: 'postgresql://h/db' })).toBe('postgresql://h/db');
    expect(() => databaseUrlOrThrow(undefined, {})).toThrow(
      'the queue needs a postgresql database: pass --database-url postgres://… or set DATABASE_URL',
    );
    expect(() => databaseUrlOrThrow('mysql://u:pw@h/db', {})).toThrow(/not mysql:\/\/u:\*\*\*@h\/db: /);
  });
});
