import { describe, expect, it } from 'vitest';
import { managerGone } from '../../src/shard-messages.js';

const error = (code: string) => Object.assign(new Error(code), { code });

describe("a shard's IPC errors", () => {
  it('GIVEN the channel closed, or the manager closing its end under a send (EPIPE) THEN the manager is gone: nothing to tell it', () => {
    expect(managerGone(error('ERR_IPC_CHANNEL_CLOSED'))).toBe(true);
    expect(managerGone(error('EPIPE'))).toBe(true);
  });
  it('GIVEN any other error THEN it is not the manager being gone: it is logged as an error', () => {
    expect(managerGone(error('ERR_IPC_DISCONNECTED'))).toBe(false);
    expect(managerGone(error('ENOMEM'))).toBe(false);
    expect(managerGone(new Error('no code'))).toBe(false);
  });
});
