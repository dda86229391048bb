/**
 * The production build for end-to-end tests: `npm run build` (tsc -p tsconfig.build.json) into a temporary folder
 * laid out like a checkout — dist/ beside knowledge/, package.json and node_modules/ (links to the repository's) — so
 * the compiled bot is run from there exactly as the README says (`node … dist/src/index.js` from the checkout) and
 * finds knowledge/ from its own location (src/paths.ts), while the repository's dist/ (a developer's build, the
 * bench's) is left alone and test files running in parallel cannot see a half-written build.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT_DIR } from '../../src/paths.js';

/** package.json's `build` script, which this runs (with the two options below). */
export const BUILD_SCRIPT = 'tsc -p tsconfig.build.json';

export interface ProductionBuild {
  /** The folder to run the bot from: dist/, knowledge/, node_modules/, package.json. */
  root: string;
  /** How long the compilation took. */
  ms: number;
  remove(): Promise<void>;
}

export async function buildProduction(): Promise<ProductionBuild> {
  const scripts = (JSON.parse(await readFile(path.join(ROOT_DIR, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  if (scripts.build !== BUILD_SCRIPT)
    throw new Error(`package.json's build script is now "${scripts.build}": update tests/support/build.ts`);
  const root = await mkdtemp(path.join(tmpdir(), 'bot-build-'));
  try {
    for (const name of ['knowledge', 'node_modules', 'package.json']) await symlink(path.join(ROOT_DIR, name), path.join(root, name));
    const started = performance.now();
    // `--noCheck`: no second type-check — npm test's `tsc --noEmit` checks these files with these options before
    // vitest starts. The emitted JavaScript is the same byte for byte, in about 40 % of the time (measured).
    // One process (tsc itself, not npm → sh → tsc), so the timeout ends all of it.
    await promisify(execFile)(
      process.execPath,
      [
        path.join(ROOT_DIR, 'node_modules/typescript/bin/tsc'),
        ...BUILD_SCRIPT.split(' ').slice(1),
        '--noCheck',
        '--outDir',
        path.join(root, 'dist'),
      ],
      { cwd: ROOT_DIR, timeout: 120_000, killSignal: 'SIGKILL' },
    );
    return { root, ms: performance.now() - started, remove: () => rm(root, { recursive: true, force: true }) };
  } catch (err) {
    await rm(root, { recursive: true, force: true });
    throw err;
  }
}
