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
    async isHelpChannel(guildId, channelId) {
      return fromEnv.includes(channelId) || (await configured(guildId)).includes(channelId);
    },
    async list(guildId) {
      return { fromEnv: [...fromEnv], fromConfig: await configured(guildId) };
    },
    async add(guildId, channelId) {
      const ids = await configured(guildId);
      if (ids.includes(channelId)) return false;
      await ns.set(guildId, [...ids, channelId]);
      return true;
    },
    async remove(guildId, channelId) {
      const ids = await configured(guildId);
      if (!ids.includes(channelId)) return false;
      await ns.set(guildId, ids.filter((id) => id !== channelId));
      return true;
    },
  };
}
