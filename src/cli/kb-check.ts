import { loadKnowledge } from '../kb/load.js';
import { formatProblems } from '../kb/problems.js';
import { KNOWLEDGE_DIR } from '../paths.js';

/** `npm run kb:check [dir]`: validates the knowledge base and lists every problem with its file and field. */
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
  return 0;
}

process.exitCode = await main(process.argv[2]);
