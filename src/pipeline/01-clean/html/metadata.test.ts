import { describe, expect, it } from 'vitest';
import { parseHtml } from './dom.js';
import { maybeIsoDate, readMeta } from './metadata.js';

describe('maybeIsoDate', () => {
  it('keeps the page-local calendar date of an ISO timestamp', () => {
    expect(maybeIsoDate('2019-11-19T23:10:00-05:00')).toBe('2019-11-19');
    expect(maybeIsoDate('20210704')).toBe('2021-07-04');
    expect(maybeIsoDate('Tue, 05 Mar 2024 10:00:00 GMT')).toBe('2024-03-05');
  });

  it('rejects what is not a stated date', () => {
    expect(maybeIsoDate('yesterday')).toBeNull();
    expect(maybeIsoDate('2019-13-40')).toBeNull();
    expect(maybeIsoDate('12345')).toBeNull();
  });
});

describe('readMeta', () => {
  it('prefers a datePublished <time> over an earlier plain <time>', () => {
    const doc = parseHtml(
      '<time datetime="2020-01-01">x</time><time itemprop="datePublished" datetime="2021-02-03">y</time>',
    );
    expect(readMeta(doc).published).toBe('2021-02-03');
  });

  it('trims the outlet suffix from <title> only when it names the stated outlet', () => {
    const doc = parseHtml(
      '<title>Bridge reopens - River Post</title><meta property="og:site_name" content="River Post">',
    );
    expect(readMeta(doc).title).toBe('Bridge reopens');
    expect(readMeta(parseHtml('<title>Left - right</title>')).title).toBe('Left - right');
  });

  it('ignores author meta that is a profile URL', () => {
    expect(
      readMeta(parseHtml('<meta property="article:author" content="https://example.org/who">')).author,
    ).toBeNull();
  });
});
