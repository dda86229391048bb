import type { Understand } from '../kb/understand.js';
import { decide, type Understanding } from './decide.js';
import { compileLexicon } from './lexicon.js';
import { readQuestion, type Reading } from './read.js';

export type { Inputs, Missing, Understanding } from './decide.js';
export type { Reading } from './read.js';

/** Reads free-form questions into a rule command's inputs (compiled once per knowledge base). */
export interface Understander {
  read(question: string): Reading;
  understand(question: string): Understanding | undefined;
}

export function createUnderstander(data: Understand): Understander {
  const lex = compileLexicon(data);
  return {
    read: (question) => readQuestion(lex, question),
    understand: (question) => decide(readQuestion(lex, question)),
  };
}
