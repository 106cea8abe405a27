import type { Doc } from '../../model/types.js';
import { defaultActorRegistry } from '../../model/actors.js';
import { compose } from '../stage.js';
import { blankDoc } from '../index.js';
import { stage as sentences } from '../02-sentences/index.js';
import { stage as mentions } from '../03-mentions/index.js';
import { stage as actors } from './index.js';

/** A fresh document holding only a body (for tests and benchmarks). */
export function bodyDoc(body: string, date: string | null = null): Doc {
  return blankDoc(body, { input: 'test.txt', published: date });
}

const run = compose([sentences, mentions, actors]);

/**
 * Runs sentences → mentions → actors on a body.
 *
 * @example readActors('Baku protested.').actors[0].id // 'AZE'
 */
export function readActors(body: string, date: string | null = null): Doc {
  return run(bodyDoc(body, date), { actors: defaultActorRegistry() });
}

/** The actor id a mention with exactly this text resolved to (first one), or null. */
export function idOf(doc: Doc, text: string): string | null {
  return doc.mentions.find((m) => m.text === text)?.actorId ?? null;
}
