import type { KnowledgeBase } from '../kb/load.js';
import type { AskService } from './service.js';

const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** How many entries lend a warm-up their phrasings: enough to run every reader (see `warmUpQuestions`), few enough to be quick. */
const ENTRIES = 6;

/**
 * The questions a warm-up asks: the first member phrasing, and the first one in Japanese, of six entries spread over
 * the knowledge base (twelve questions). Each question runs every reader the service has — the phrase lists and cues of
 * understand.yaml, the search cues, numbers — and the two scripts take different paths through them.
 */
export function warmUpQuestions(kb: KnowledgeBase): string[] {
  const step = Math.max(1, Math.ceil(kb.entries.length / ENTRIES));
  return kb.entries
    .filter((_, i) => i % step === 0)
    .flatMap((e) => {
      const japanese = e.questions.find((q) => JAPANESE.test(q));
      return japanese && japanese !== e.questions[0] ? [e.questions[0]!, japanese] : [e.questions[0]!];
    });
}

/** Lets whatever is waiting (an interaction that just arrived) run before the next question. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Asks `service` each question once, never the LLM, one per turn of the event loop, and throws the answers away.
 *
 * Why: the first questions a fresh process answers are slow — V8 compiles the readers' regular expressions and the
 * code around them the first times they run: ~90 ms for the first question, ~20–40 ms for the next few, then about a
 * millisecond. Run right after start-up or a knowledge reload, that work happens before members ask rather than in
 * their first answers. Each question yields the event loop first, so an interaction that arrives meanwhile waits for
 * one question at most.
 */
export async function warmUp(service: AskService, questions: readonly string[], turn: () => Promise<void> = nextTurn): Promise<number> {
  let asked = 0;
  for (const question of questions) {
    await turn();
    await service.ask(question, { origin: 'warm-up', allowDraft: false });
    asked++;
  }
  return asked;
}
