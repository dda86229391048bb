import { REST, Routes, type RESTGetCurrentApplicationResult } from 'discord.js';
import { commands } from '../commands/index.js';
import { configFromEnvironment, describeConfigProblems, MISSING_TOKEN } from './config.js';
import { commandProblems } from './discord/definition-limits.js';

/**
 * `npm run deploy-commands`: registers the registry's commands, to DISCORD_GUILD_ID when set (instant, for testing)
 * or globally. The definitions are checked against Discord's rules first, so a bad one never reaches Discord.
 */
async function main(): Promise<number> {
  const loaded = configFromEnvironment();
  if (!loaded.ok) {
    process.stderr.write(`Cannot register the commands: ${describeConfigProblems(loaded.problems)}\n`);
    return 1;
  }
  const { token, guildId, apiUrl } = loaded.config.discord;
  if (!token) {
    process.stderr.write(`Cannot register the commands: ${MISSING_TOKEN}\n`);
    return 1;
  }
  const body = commands.map((c) => c.data);
  const problems = commandProblems(body);
  if (problems.length > 0) {
    process.stderr.write(`Not registering: the command definitions break Discord's rules:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 1;
  }
  const rest = new REST({ api: apiUrl }).setToken(token);
  const app = (await rest.get(Routes.currentApplication())) as RESTGetCurrentApplicationResult;
  const route = guildId ? Routes.applicationGuildCommands(app.id, guildId) : Routes.applicationCommands(app.id);
  const saved = (await rest.put(route, { body })) as unknown[];
  process.stdout.write(
    `Registered ${saved.length} commands ${guildId ? `in server ${guildId}` : 'globally'}: ${body.map((c) => `/${c.name}`).join(', ')}\n`,
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Registering the commands failed: ${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
