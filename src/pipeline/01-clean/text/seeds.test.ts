import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanText } from './index.js';

// Reads the shared seed pages and their gold files (../shared beside the checkout, or
// FAULTLINE_SHARED); nothing from them is copied here.
const SHARED =
  process.env.FAULTLINE_SHARED ?? fileURLToPath(new URL('../../../../../shared', import.meta.url));
const available = existsSync(join(SHARED, 'gold')) && existsSync(join(SHARED, 'seeds'));
const IDS = ['000_d711c521b1181452', '001_acad45f3d9c8f13e', '002_13cec1daa4145e93'];

describe.skipIf(!available)(`seed pages (skipped: ${SHARED} not available)`, () => {
  for (const id of IDS) {
    it(`${id}: metadata and body boundaries match gold`, () => {
      const gold = JSON.parse(readFileSync(join(SHARED, 'gold', `${id}.json`), 'utf8')) as Record<
        string,
        string | null
      >;
      const got = cleanText(readFileSync(join(SHARED, 'seeds', `${id}.txt`), 'utf8'), {});
      expect({ title: got.title, published: got.published, author: got.author }).toEqual({
        title: gold.title,
        published: gold.published,
        author: gold.author,
      });
      expect(got.body.startsWith(gold.body_first!)).toBe(true);
      expect(got.body.endsWith(gold.body_last!)).toBe(true);
    });
  }
});
