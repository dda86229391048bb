import { readFile } from 'node:fs/promises';

/** Linux: the processes `pid` started. */
export const childPids = async (pid: number): Promise<number[]> =>
  (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8')).split(/\s+/).filter(Boolean).map(Number);

/** Linux: whether `pid` is still running (a zombie, or a pid that is gone, is not). */
export const alive = async (pid: number): Promise<boolean> =>
  !/^\d+ \(.*\) Z/.test(await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '0 () Z'));
