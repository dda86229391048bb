import { startKnowledge } from '../answer/snapshot.js';
import { KNOWLEDGE_DIR, SNAPSHOT_FILE } from '../paths.js';

/**
 * `npm run build`'s last step (npm runs `postbuild` after `build`): the start-up snapshot for the build just made, so
 * that the first production start after a build loads it instead of a cold start. Invalid knowledge writes none and
 * does not fail the build (`npm run kb:check` is the check, and the bot refuses to start on it); a failed write is said.
 */
function main(): number {
  const started = startKnowledge(KNOWLEDGE_DIR, { file: SNAPSHOT_FILE });
  if (!started.ok) {
    process.stderr.write(`No start-up snapshot: the knowledge base has ${started.problems.length} problem(s) (npm run kb:check)\n`);
    return 0;
  }
  const how = started.from === 'snapshot' ? 'up to date' : started.saved?.ok ? 'written' : `not written (${started.saved?.error})`;
  process.stdout.write(`Start-up snapshot ${how}: ${SNAPSHOT_FILE} (knowledge ${started.kb.version})\n`);
  return 0;
}

process.exitCode = main();
