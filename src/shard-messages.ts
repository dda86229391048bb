/** The key of the IPC message by which a shard process and the ShardingManager relay "check the shared store now". */
export const SYNC_MESSAGE = 'botSync';

/**
 * Whether an error a shard process gets on its IPC channel means the ShardingManager is gone: the channel already
 * closed, or the manager's end of the pipe closed under a send (EPIPE). Nothing is left to tell it.
 */
export const managerGone = (err: NodeJS.ErrnoException): boolean => err.code === 'ERR_IPC_CHANNEL_CLOSED' || err.code === 'EPIPE';
