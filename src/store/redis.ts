import Keyv from 'keyv';
import { keyvNamespace, type Backend, type Primitives, type RawRecord, type RecordOps } from './backend.js';

const NS = 'bot';
/** Record sets use three keys sharing a hash tag (one cluster slot): `:data` (hash id → "at:json"), `:idx` (zset), `:seq`. */
const rec = (set: string) => ({ data: `${NS}:rec:{${set}}:data`, idx: `${NS}:rec:{${set}}:idx`, seq: `${NS}:rec:{${set}}:seq` });
const recKeys = (set: string) => Object.values(rec(set));
const glob = (s: string) => s.replace(/[*?[\]\\]/g, '\\$&');

const INCREMENT = `local v = redis.call('INCRBY', KEYS[1], ARGV[1])
if ARGV[2] ~= '' and redis.call('PTTL', KEYS[1]) == -1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return v`;
const APPEND = `local id = redis.call('INCR', KEYS[3])
redis.call('HSET', KEYS[1], id, ARGV[1] .. ':' .. ARGV[2])
redis.call('ZADD', KEYS[2], id, id)
local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[3])
if over > 0 then
  local old = redis.call('ZRANGE', KEYS[2], 0, over - 1)
  redis.call('ZREMRANGEBYRANK', KEYS[2], 0, over - 1)
  redis.call('HDEL', KEYS[1], unpack(old))
end
return id`;
const LIST = `local ids = redis.call('ZRANGE', KEYS[2], ARGV[1], '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, ARGV[2])
local out = {}
for _, id in ipairs(ids) do
  local v = redis.call('HGET', KEYS[1], id)
  if v then table.insert(out, id); table.insert(out, v) end
end
return out`;
const PUT = `local cur = redis.call('HGET', KEYS[1], ARGV[1])
if not cur then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], string.match(cur, '^(%d+):') .. ':' .. ARGV[2])
return 1`;
const REMOVE = `redis.call('ZREM', KEYS[2], ARGV[1])
return redis.call('HDEL', KEYS[1], ARGV[1])`;

interface Client {
  sendCommand<T = unknown>(args: readonly string[]): Promise<T>;
}

function parseRecord(id: string, stored: string): RawRecord {
  const colon = stored.indexOf(':');
  return { id, at: Number(stored.slice(0, colon)), value: stored.slice(colon + 1) };
}

/** Raw commands, Lua scripts and SCAN over one connection. */
function commands(client: Client) {
  const cmd = <T>(...args: (string | number)[]) => client.sendCommand<T>(args.map(String));
  const script = <T>(source: string, keys: string[], ...args: (string | number)[]) => cmd<T>('EVAL', source, keys.length, ...keys, ...args);
  const px = (ttlMs: number | undefined) => (ttlMs === undefined ? [] : ['PX', ttlMs]);

  async function scan(pattern: string): Promise<string[]> {
    const found: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await cmd<[string, string[]]>('SCAN', cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      found.push(...keys);
    } while (cursor !== '0');
    return found;
  }
  return { cmd, script, px, scan };
}
type Commands = ReturnType<typeof commands>;

/** Claims, counters and registers: Redis's own atomic commands (SET NX PX, INCRBY, SET … GET). */
function redisPrimitives({ cmd, script, px, scan }: Commands): Primitives {
  return {
    async claim(key, ttlMs) {
      const k = `${NS}:claim:${key}`;
      if ((await cmd<string | null>('SET', k, '1', 'NX', ...px(ttlMs))) === 'OK') return { claimed: true };
      const left = await cmd<number>('PTTL', k);
      return { claimed: false, remainingMs: left === -1 ? Infinity : Math.max(0, left) };
    },
    release: async (key) => void (await cmd('DEL', `${NS}:claim:${key}`)),
    increment: async (key, by, ttlMs) => Number(await script<number>(INCREMENT, [`${NS}:count:${key}`], by, ttlMs ?? '')),
    async counters(prefix) {
      const keys = await scan(`${NS}:count:${glob(prefix)}*`);
      if (keys.length === 0) return new Map();
      const values = await cmd<(string | null)[]>('MGET', ...keys);
      const strip = `${NS}:count:`.length;
      return new Map(keys.flatMap((k, i) => (values[i] == null ? [] : [[k.slice(strip), Number(values[i])] as const])));
    },
    exchange: async (key, value, ttlMs) => (await cmd<string | null>('SET', `${NS}:reg:${key}`, value, ...px(ttlMs), 'GET')) ?? undefined,
  };
}

/** Record sets: a hash of values, a sorted index and a sequence, changed together by Lua scripts. */
function redisRecords({ cmd, script }: Commands): RecordOps {
  return {
    append: async (set, at, value, max) => String(await script<number>(APPEND, recKeys(set), at, value, max)),
    async list(set, limit, before) {
      const flat = await script<string[]>(LIST, recKeys(set), before === undefined ? '+inf' : `(${before}`, limit);
      const out: RawRecord[] = [];
      for (let i = 0; i < flat.length; i += 2) out.push(parseRecord(flat[i]!, flat[i + 1]!));
      return out;
    },
    async getRecord(set, id) {
      const stored = await cmd<string | null>('HGET', rec(set).data, id);
      return stored === null ? undefined : parseRecord(id, stored);
    },
    putRecord: async (set, id, value) => (await script<number>(PUT, recKeys(set), id, value)) === 1,
    removeRecord: async (set, id) => (await script<number>(REMOVE, recKeys(set), id)) === 1,
    countRecords: async (set) => Number(await cmd<number>('ZCARD', rec(set).idx)),
    clearRecords: async (set) => void (await cmd('DEL', ...recKeys(set))),
  };
}

/**
 * Redis: keyv (@keyv/redis) for namespaces; the primitives use the same connection with Redis's own atomic commands —
 * SET NX PX, INCRBY, SET … GET — and short Lua scripts where one step touches several keys. Safe across processes.
 */
export async function openRedisBackend(url: string, connectTimeoutMs: number): Promise<{ backend: Backend; keyv: Keyv }> {
  const { default: KeyvRedis } = await import('@keyv/redis');
  const adapter = new KeyvRedis(url, { throwOnConnectError: true, connectionTimeout: connectTimeoutMs });
  const keyv = new Keyv({ store: adapter, namespace: NS, throwOnErrors: true });
  let client: Client;
  try {
    client = (await adapter.getClient()) as unknown as Client;
  } catch (err) {
    await keyv.disconnect().catch(() => undefined);
    throw err;
  }
  const redis = commands(client);
  const { cmd, scan } = redis;

  const backend: Backend = {
    namespace: (name) => keyvNamespace(keyv, name),
    ...redisPrimitives(redis),
    ...redisRecords(redis),
    async deletePrefix(prefix) {
      const p = glob(prefix);
      // keyv's keys are `bot::bot:<name>:<key>` (@keyv/redis adds its own `<namespace>::`).
      const patterns = [`${NS}:claim:${p}*`, `${NS}:count:${p}*`, `${NS}:reg:${p}*`, `${NS}::${NS}:${p}*`];
      const plain = (await Promise.all(patterns.map(scan))).flat();
      const sets = await scan(`${NS}:rec:{${p}*`);
      let n = plain.length;
      for (const key of sets) if (key.endsWith(':data')) n += Number(await cmd<number>('HLEN', key));
      const all = [...plain, ...sets];
      for (let i = 0; i < all.length; i += 500) await cmd('UNLINK', ...all.slice(i, i + 500));
      return n;
    },
    close: async () => {
      await keyv.disconnect().catch(() => undefined);
    },
  };
  return { backend, keyv };
}
