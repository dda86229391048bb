import { freshnessWarnings } from '../kb/freshness.js';
import { loadKnowledge } from '../kb/load.js';
import { formatProblems } from '../kb/problems.js';
import { KNOWLEDGE_DIR } from '../paths.js';

/**
 * `npm run kb:check [dir]`: validates the knowledge base and lists every problem with its file and field; then warns
 * (without failing) about entries not reviewed for a year and sources whose confidence is "unverified".
 * `KB_CHECK_TODAY=YYYY-MM-DD` checks freshness as of that day (default: today, UTC).
 */
async function main(dir = KNOWLEDGE_DIR): Promise<number> {
  const result = await loadKnowledge(dir);
  if (!result.ok) {
    process.stderr.write(`${formatProblems(result.problems)}\n`);
    return 1;
  }
  const { kb } = result;
  process.stdout.write(
    `Knowledge base OK: ${kb.entries.length} entries in ${kb.topics.length} topics, ${kb.sources.size} sources, version ${kb.version}\n`,
  );
  const today = /^\d{4}-\d{2}-\d{2}$/.test(process.env.KB_CHECK_TODAY ?? '')
    ? process.env.KB_CHECK_TODAY!
    : new Date().toISOString().slice(0, 10);
  const warnings = freshnessWarnings(kb, today);
  const lines = warnings.map((w) => `  ${w.file} › ${w.field}: ${w.message}`);
  if (warnings.length > 0) process.stdout.write(`${warnings.length} warning(s), not errors (as of ${today}):\n${lines.join('\n')}\n`);
  return 0;
}

process.exitCode = await main(process.argv[2]);
