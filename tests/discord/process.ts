/**
 * Runs one of the bot's entry points (`npm start`, `npm run deploy-commands`) as a child process, the way an operator
 * does, with exactly the environment given: nothing inherited, and a temporary working directory so no `.env` is read.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT_DIR } from '../../src/paths.js';

export interface RunningProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Resolves once stderr or stdout contains `text`; rejects if the process exits first or after `timeoutMs`. */
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
  /** SIGKILLs it if still running, and whatever is left of its process group when started with `group` (teardown). */
  killAll(): void;
}

export const workDir = (): string => mkdtempSync(path.join(tmpdir(), 'bot-e2e-'));

/** Runs as this user instead (e.g. an unprivileged one, for whom file permissions apply even when tests run as root). */
export interface RunAs {
  uid: number;
  gid: number;
}

export function runEntry(script: string, env: Record<string, string>, cwd = workDir(), as?: RunAs): RunningProcess {
  // Node itself with tsx's loader, not the tsx CLI: the CLI runs the script in a second process, which a SIGKILL of
  // the CLI would leave running.
  return runNode(
    ['--import', pathToFileURL(path.join(ROOT_DIR, 'node_modules/tsx/dist/loader.mjs')).href, path.join(ROOT_DIR, script)],
    env,
    {
      cwd,
      as,
    },
  );
}

export interface RunOptions {
  cwd?: string;
  as?: RunAs;
  /** Start it as the leader of its own process group, so `killGroup` also ends what it started (shard processes). */
  group?: boolean;
}

/** Runs `node <args>` (e.g. the compiled build with its production flags) with exactly the environment given. */
export function runNode(args: readonly string[], env: Record<string, string>, options: RunOptions = {}): RunningProcess {
  const { cwd = workDir(), as, group = false } = options;
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: as ? cwd : (process.env.HOME ?? cwd), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: group,
    ...as,
  });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const l of listeners) l();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
    for (const l of listeners) l();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    killAll() {
      if (child.pid === undefined || (!group && child.exitCode !== null)) return;
      try {
        process.kill(group ? -child.pid : child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    },
    waitForOutput(text, timeoutMs = 15_000) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (out.includes(text) || err.includes(text)) done(resolve);
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`no "${text}" within ${timeoutMs} ms.\nstdout:\n${out}\nstderr:\n${err}`))),
          timeoutMs,
        );
        const onExit = () => done(() => reject(new Error(`exited before printing "${text}".\nstdout:\n${out}\nstderr:\n${err}`)));
        const done = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off('exit', onExit);
          settle();
        };
        listeners.add(check);
        child.once('exit', onExit);
        check();
      });
    },
  };
}
