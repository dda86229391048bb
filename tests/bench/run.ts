import { benchAnswers, benchFallback } from './answer.js';
import { benchBurst } from './burst.js';

/**
 * `npm run bench`: prints figures for the speed and memory goals (never asserted in tests: these machines are shared
 * and noisy). Sections: knowledge base start-up and answer latency; LLM fallback overhead and cache hit rate; a
 * burst of Discord interactions through the fake Discord to the bot running as its own process.
 */
const { lines, kb } = await benchAnswers();
const out = [...lines, '', ...(await benchFallback(kb)), '', ...(await benchBurst())];
process.stdout.write(`${out.join('\n')}\n`);
