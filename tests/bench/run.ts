import { execFileSync } from 'node:child_process';
import { ROOT_DIR } from '../../src/paths.js';
import { benchAnswers, benchFallback } from './answer.js';
import { benchBurst, benchOneTick } from './burst-report.js';
import { benchProductionStartup } from './startup.js';

/**
 * `npm run bench`: prints figures for the speed and memory goals (never asserted in tests: these machines are shared
 * and noisy). Sections: knowledge base start-up and answer latency; the production start's first start-up and first
 * answers in fresh processes; LLM fallback overhead and cache hit rate; a burst of Discord interactions through the
 * fake Discord to the bot running as its own process; bursts of 1,000 and 2,000 in one gateway read, and 2,000 over 2
 * shard processes (in time / late / dropped, edits, p50/p99, peak memory).
 * The bursts run the production start (the build, `npm run build` first); the 1,000 in one read runs under
 * `npm start` (tsx) too, for its memory.
 */
execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
const { lines, kb } = await benchAnswers();
const out = [...lines, '', ...benchProductionStartup(), '', ...(await benchFallback(kb)), '', ...(await benchBurst(1000, 200, true)), ''];
out.push(...(await benchOneTick(1000, 1, true)), '', ...(await benchOneTick(1000, 1, false)), '');
out.push(...(await benchOneTick(2000, 1, true)), '', ...(await benchOneTick(2000, 2, true)));
process.stdout.write(`${out.join('\n')}\n`);
