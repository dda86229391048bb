/** The key of the IPC message by which a shard process and the ShardingManager relay "check the shared store now". */
export const SYNC_MESSAGE = 'botSync';
