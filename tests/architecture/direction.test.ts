import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/paths.js';

/**
 * One direction of dependencies (README, "Architecture"):
 *   knowledge/ → src/kb → domain (answer, understand, engines, llm) → surfaces (cli, discord, commands) → entry points,
 * with config, logger, paths, the store and ops (metrics, the operations endpoint) as a foundation anyone may use. A module may import its own layer or a
 * lower one; the surfaces do not import each other (commands/ may use src/discord); nothing imports an entry point.
 */
const LAYERS = ['foundation', 'kb', 'domain', 'surface', 'entry'] as const;
type Layer = (typeof LAYERS)[number];

const ENTRY_POINTS = [
  'src/index.ts',
  'src/shard.ts',
  'src/deploy-commands.ts',
  'src/cli/main.ts',
  'src/cli/kb-check.ts',
  'src/cli/snapshot.ts',
];

/** Which layer a file belongs to, and for surfaces which one; undefined = unplaced (a test below fails). */
export function placeOf(file: string): { layer: Layer; part: string } | undefined {
  if (ENTRY_POINTS.includes(file)) return { layer: 'entry', part: file };
  if (
    ['src/config.ts', 'src/logger.ts', 'src/paths.ts', 'src/shard-messages.ts'].includes(file) ||
    file.startsWith('src/store/') ||
    file.startsWith('src/ops/')
  )
    return { layer: 'foundation', part: 'foundation' };
  if (file.startsWith('src/kb/')) return { layer: 'kb', part: 'kb' };
  for (const dir of ['answer', 'curation', 'understand', 'engines', 'llm'])
    if (file.startsWith(`src/${dir}/`)) return { layer: 'domain', part: dir };
  for (const dir of ['src/cli', 'src/discord', 'commands']) if (file.startsWith(`${dir}/`)) return { layer: 'surface', part: dir };
  return undefined;
}

/** Surfaces that may use another surface: the slash commands are built on the Discord runtime. */
const SURFACE_MAY_USE: Record<string, readonly string[]> = { commands: ['src/discord'], 'src/discord': [], 'src/cli': [] };

/** Why `from` may not import `to`, or undefined when the import follows the direction. */
export function violation(from: string, to: string): string | undefined {
  const a = placeOf(from);
  const b = placeOf(to);
  if (!a || !b) return `${!a ? from : to} belongs to no layer`;
  if (b.layer === 'entry') return 'nothing imports an entry point';
  const rankA = LAYERS.indexOf(a.layer);
  const rankB = LAYERS.indexOf(b.layer);
  if (rankB > rankA) return `${a.layer} (${a.part}) must not import ${b.layer} (${b.part})`;
  if (a.layer === 'surface' && b.layer === 'surface' && a.part !== b.part && !SURFACE_MAY_USE[a.part]?.includes(b.part)) {
    return `the surface ${a.part} must not import the surface ${b.part}`;
  }
  return undefined;
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

/** Every relative import specifier in a source text (static, re-export, type-only and dynamic). */
export function importsOf(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? '').filter((s) => s.startsWith('.'));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT_DIR, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(ROOT_DIR, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

/** Every import edge in src/ and commands/ as repository paths (`.js` specifiers name the `.ts` files). */
function edges(): { from: string; to: string }[] {
  return [...sourceFiles('src'), ...sourceFiles('commands')].flatMap((from) =>
    importsOf(readFileSync(path.join(ROOT_DIR, from), 'utf8')).map((spec) => ({
      from,
      to: path.posix.normalize(path.posix.join(path.posix.dirname(from), spec)).replace(/\.js$/, '.ts'),
    })),
  );
}

describe('the direction of dependencies', () => {
  it('places every source file in a layer', () => {
    const files = [...sourceFiles('src'), ...sourceFiles('commands')];
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => !placeOf(f))).toEqual([]);
  });

  it('finds the imports it checks (static, type-only, re-exports and dynamic)', () => {
    const text =
      "import a from './a.js';\nimport type { B } from '../b.js';\nexport { c } from './c.js';\nimport {\n  d,\n  e,\n} from './d.js';\nconst f = await import('./f.js');\nimport x from 'zod';";
    expect(importsOf(text)).toEqual(['./a.js', '../b.js', './c.js', './d.js', './f.js']);
    expect(edges().length).toBeGreaterThan(150);
  });

  it('has no import against the direction', () => {
    const wrong = edges()
      .map(({ from, to }) => ({ from, to, why: violation(from, to) }))
      .filter((e) => e.why !== undefined)
      .map((e) => `${e.from} → ${e.to}: ${e.why}`);
    expect(wrong).toEqual([]);
  });

  it.each([
    ['src/engines/cli-support.ts', 'src/cli/result.ts'],
    ['src/kb/load.ts', 'src/engines/visa-check.ts'],
    ['src/kb/load.ts', 'src/answer/engine.ts'],
    ['src/discord/bot.ts', 'commands/index.ts'],
    ['src/discord/deploy.ts', 'commands/index.ts'],
    ['src/answer/view.ts', 'src/discord/render.ts'],
    ['src/cli/ask.ts', 'src/discord/render.ts'],
    ['src/discord/render.ts', 'src/cli/ask.ts'],
    ['commands/ask.ts', 'src/cli/ask.ts'],
    ['src/store/store.ts', 'src/kb/load.ts'],
    ['src/discord/bot.ts', 'src/index.ts'],
  ])('refuses %s → %s (the kinds of back-import this test exists for)', (from, to) => {
    expect(violation(from, to)).toBeDefined();
  });

  it.each([
    ['commands/ask.ts', 'src/discord/render.ts'],
    ['src/cli/career-path.ts', 'src/engines/career-path.ts'],
    ['src/engines/career-path.ts', 'src/kb/rules/career-path.ts'],
    ['src/discord/context.ts', 'src/store/store.ts'],
    ['src/index.ts', 'commands/index.ts'],
  ])('allows %s → %s', (from, to) => {
    expect(violation(from, to)).toBeUndefined();
  });
});
