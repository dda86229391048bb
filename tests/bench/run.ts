import { benchAnswers, benchFallback } from './answer.js';
import { benchBurst, benchOneTick } from './burst-report.js';

/**
 * `npm run bench`: prints figures for the speed and memory goals (never asserted in tests: these machines are shared
 * and noisy). Sections: knowledge base start-up and answer latency; LLM fallback overhead and cache hit rate; a
 * burst of Discord interactions through the fake Discord to the bot running as its own process; bursts of 1,000 and
 * 2,000 in one gateway read, and 2,000 over 2 shard processes (in time / late / dropped, p50/p99, peak memory).
 */
const { lines, kb } = await benchAnswers();
const out = [...lines, '', ...(await benchFallback(kb)), '', ...(await benchBurst()), ''];
out.push(...(await benchOneTick(1000)), '', ...(await benchOneTick(2000)), '', ...(await benchOneTick(2000, 2)));
process.stdout.write(`${out.join('\n')}\n`);
