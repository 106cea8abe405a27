import { ProblemSchema } from '../problem.js';

const answer = (description: string) => ({
  content: { 'application/problem+json': { schema: ProblemSchema } },
  description,
});

/** The error answers a read route documents: bad parameters. */
export const badRequest = { 400: answer('a parameter is not valid; the problem names it') };

/** … and an unknown id. */
export const notFound = { 404: answer('nothing has this id') };
