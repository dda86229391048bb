import { withLock } from '../store/lock.js';
import type { Store } from '../store/store.js';

/** Help channels: those in HELP_CHANNEL_IDS for every server, plus those moderators add with /config. */
export interface HelpChannels {
  isHelpChannel(guildId: string, channelId: string): Promise<boolean>;
  list(guildId: string): Promise<{ fromEnv: string[]; fromConfig: string[] }>;
  add(guildId: string, channelId: string): Promise<boolean>;
  remove(guildId: string, channelId: string): Promise<boolean>;
}

export function createHelpChannels(store: Store, fromEnv: readonly string[]): HelpChannels {
  const ns = store.namespace<string[]>('help-channels');
  const configured = async (guildId: string) => (await ns.get(guildId)) ?? [];
  return {
    /** With the store down, the channels from HELP_CHANNEL_IDS still work (the store's monitor reports the fault). */
    async isHelpChannel(guildId, channelId) {
      return fromEnv.includes(channelId) || (await configured(guildId).catch(() => [] as string[])).includes(channelId);
    },
    async list(guildId) {
      return { fromEnv: [...fromEnv], fromConfig: await configured(guildId) };
    },
    // Changes read, modify and write the server's list under a lock, so simultaneous changes are all kept.
    add: (guildId, channelId) =>
      withLock(store, `help-channels:${guildId}`, async () => {
        const ids = await configured(guildId);
        if (ids.includes(channelId)) return false;
        await ns.set(guildId, [...ids, channelId]);
        return true;
      }),
    remove: (guildId, channelId) =>
      withLock(store, `help-channels:${guildId}`, async () => {
        const ids = await configured(guildId);
        if (!ids.includes(channelId)) return false;
        await ns.set(
          guildId,
          ids.filter((id) => id !== channelId),
        );
        return true;
      }),
  };
}
