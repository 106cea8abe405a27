import { describe, expect, it } from 'vitest';
import type { EventRow, MentionRow } from '../store/store.js';
import { actorMarks, markQuote } from './mark-quote.js';

const QUOTE = 'The ministry in Baku summoned the envoy of Iran and told Iran to stop.';
const OFFSET = 100;
const at = (s: string, from = 0) => OFFSET + QUOTE.indexOf(s, from);
const mention = (actorId: string, text: string, from = 0, country: string | null = actorId): MentionRow => ({
  actorId,
  kind: actorId.includes(':') ? 'org' : 'state',
  country,
  text,
  start: at(text, from),
  end: at(text, from) + text.length,
});
const event = {
  source: 'AZE',
  target: 'IRN',
  sourceActor: 'org:aze-mfa',
  targetActor: null,
  start: OFFSET,
  end: OFFSET + QUOTE.length,
  quote: QUOTE,
  trigger: { start: at('summoned'), end: at('summoned') + 8 },
} as EventRow;

describe('actorMarks and markQuote', () => {
  it('prefers the specific actor, and the target nearest after the trigger', () => {
    const mentions = [
      mention('org:aze-mfa', 'The ministry in Baku', 0, 'AZE'),
      mention('AZE', 'Baku'),
      mention('IRN', 'Iran'),
      mention('IRN', 'Iran', QUOTE.indexOf('Iran') + 1),
    ];
    const marks = [...actorMarks(event, mentions), { role: 'trigger' as const, ...event.trigger! }];
    expect(markQuote(QUOTE, OFFSET, marks)).toBe(
      '[The ministry in Baku]{source} [summoned]{trigger} the envoy of [Iran]{target} and told Iran to stop.',
    );
  });

  it('falls back to the state, then to an actor of that state, and drops overlapping marks', () => {
    expect(actorMarks({ ...event, sourceActor: null }, [mention('AZE', 'Baku')])).toEqual([
      { role: 'source', start: at('Baku'), end: at('Baku') + 4 },
    ]);
    expect(
      actorMarks({ ...event, sourceActor: null }, [mention('org:aze-mfa', 'ministry', 0, 'AZE')])[0]?.role,
    ).toBe('source');
    expect(actorMarks(event, [])).toEqual([]);
    const overlap = markQuote(QUOTE, OFFSET, [
      { role: 'source', start: at('ministry'), end: at('Baku') + 4 },
      { role: 'target', start: at('Baku'), end: at('Baku') + 4 },
      { role: 'trigger', start: 0, end: 5 },
    ]);
    expect(overlap).toBe('The [ministry in Baku]{source} summoned the envoy of Iran and told Iran to stop.');
  });
});
