import { GatewayIntentBits, InteractionResponseType } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { useTestBot } from '../support/bot.js';
import { customIdsOf, embedText, isEphemeral, replyTo, selectOptionsOf, textOf } from './helpers.js';

const t = useTestBot();

const HSP = { age: 28, degree: 'bachelor', experience: 3, salary: 6_500_000 } as const;

describe('login', () => {
  it('GIVEN a valid token WHEN the bot starts THEN it is ready with the guild cached and identified with the message intents', () => {
    expect(t.bot.client.isReady()).toBe(true);
    expect(t.bot.client.guilds.cache.has(t.fake.guild.id)).toBe(true);
    const intents = t.fake.gateway.identifies[0]?.intents ?? 0;
    for (const bit of [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent])
      expect(intents & bit).toBe(bit);
    expect(t.logs.lines().some((l) => l.msg === 'connected to Discord')).toBe(true);
  });
});

describe('/ask', () => {
  it('GIVEN a question the guides cover WHEN /ask THEN a public answer embed with sources and 👍/👎 comes at once', async () => {
    const data = await replyTo(t, t.fake.slash('ask', { question: 'how do I ask for a raise without seeming pushy?' }));
    expect(isEphemeral(data)).toBe(false);
    const embed = data.embeds?.[0];
    expect(embed?.title).toContain('How to ask for a promotion');
    expect(embed?.author?.name).toBe('❓ how do I ask for a raise without seeming pushy?');
    expect(embed?.fields?.find((f) => f.name === 'Sources')?.value).toBeTruthy();
    expect(customIdsOf(data).map((id) => id.split(':').slice(0, 3).join(':'))).toEqual(['fb:up:k', 'fb:down:k']);
    expect(data.allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN private:true WHEN /ask THEN the answer is ephemeral', async () => {
    const data = await replyTo(
      t,
      t.fake.slash('ask', { question: 'how many days do I have to notify immigration after quitting?', private: true }),
    );
    expect(isEphemeral(data)).toBe(true);
    expect(data.embeds?.[0]?.title).toMatch(/visa/i);
  });

  it('GIVEN a question outside the guides WHEN /ask THEN the honest "not in my guides" without rating buttons', async () => {
    const data = await replyTo(t, t.fake.slash('ask', { question: 'what is the best ramen in osaka' }));
    expect(data.embeds?.[0]?.title).toBe('Not in my guides');
    expect(embedText(data.embeds)).toContain("I couldn't find an answer to that in the guides I know");
    expect(customIdsOf(data).filter((id) => id.startsWith('fb:'))).toEqual([]);
  });

  it('GIVEN a blank question WHEN /ask THEN an ephemeral message asks for a question', async () => {
    const data = await replyTo(t, t.fake.slash('ask', { question: '   ' }));
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toBe('Please type a question: the text is empty.');
  });

  it('GIVEN a question over 1,000 characters (a stale client) WHEN /ask THEN an ephemeral message gives the limit', async () => {
    const data = await replyTo(t, t.fake.slash('ask', { question: 'why '.repeat(300) }));
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toBe(
      'That question is 1,199 characters long; please keep it under 1,000 characters (one question at a time works best).',
    );
  });

  it('GIVEN a question with @everyone and a user mention WHEN /ask THEN nobody is pinged', async () => {
    const data = await replyTo(t, t.fake.slash('ask', { question: '@everyone <@123456789012345678> how do I ask for a raise?' }));
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.embeds?.[0]?.author?.name).toContain('@everyone');
  });
});

describe('/career-path', () => {
  it('GIVEN N2 and an engineering background WHEN /career-path THEN the paths are listed publicly at once', async () => {
    const data = await replyTo(
      t,
      t.fake.slash('career-path', { jlpt: 'N2', background: 'engineer', technical: true, location: 'city', sponsorship: true }),
    );
    expect(isEphemeral(data)).toBe(false);
    expect(data.embeds?.[0]?.title).toBe('Career paths for your profile');
    expect(data.embeds?.[0]?.description).toMatch(/N2/);
  });

  it('GIVEN a stale JLPT value WHEN /career-path THEN an ephemeral message lists the allowed values', async () => {
    const data = await replyTo(t, t.fake.slash('career-path', { jlpt: 'N6', background: 'engineer' }));
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('`jlpt` "N6" is not allowed; allowed values: none, N5, N4, N3, N2, N1');
  });

  it('GIVEN a stale client that omits a required option WHEN /career-path THEN it says the option is required and lists its values', async () => {
    const data = await replyTo(t, t.fake.slash('career-path', { jlpt: 'N3' }));
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('`background` is required; allowed values: alt, engineer, other');
  });
});

describe('/visa-check', () => {
  const eikaiwa = {
    status: 'instructor',
    'current-work': 'language-teaching-school',
    'new-work': 'language-teaching-private',
    employer: 'new',
  };

  it('GIVEN an Instructor moving to eikaiwa WHEN /visa-check THEN an ephemeral "change of status needed" comes at once', async () => {
    const data = await replyTo(t, t.fake.slash('visa-check', eikaiwa));
    expect(isEphemeral(data)).toBe(true);
    expect(data.embeds?.[0]?.title).toBe('Visa check');
    expect(data.embeds?.[0]?.description).toContain('Verdict: Change of status needed');
  });

  it('GIVEN public:true WHEN /visa-check THEN the result is posted publicly', async () => {
    const data = await replyTo(t, t.fake.slash('visa-check', { ...eikaiwa, salary: 4_000_000, dispatch: false, public: true }));
    expect(isEphemeral(data)).toBe(false);
    expect(data.embeds?.[0]?.description).toContain('Change of status needed');
  });

  it('GIVEN a display name instead of a value WHEN /visa-check THEN an ephemeral message names the option and its allowed values', async () => {
    const data = await replyTo(
      t,
      t.fake.slash('visa-check', { ...eikaiwa, 'new-work': 'Private language teaching (eikaiwa, company classes)' }),
    );
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain(
      '`new-work` "Private language teaching (eikaiwa, company classes)" is not allowed; allowed values: system-development,',
    );
    expect(data.content).toContain('language-teaching-private');
  });
});

describe('/hsp-points', () => {
  it('GIVEN 28, bachelor, 3 years, ¥6.5M, N1 and a Japanese degree WHEN /hsp-points THEN 75 points, ephemeral, at once', async () => {
    const data = await replyTo(t, t.fake.slash('hsp-points', { ...HSP, jlpt: 'N1', 'japanese-degree': true }));
    expect(isEphemeral(data)).toBe(true);
    expect(data.embeds?.[0]?.title).toBe('Highly Skilled Professional points');
    expect(data.embeds?.[0]?.description).toContain('Highly Skilled Professional (i)(b) points: 75**');
  });

  it('GIVEN the same profile with N2 and public:true WHEN /hsp-points THEN 60 points, posted publicly', async () => {
    const data = await replyTo(t, t.fake.slash('hsp-points', { ...HSP, jlpt: 'N2', 'japanese-degree': true, public: true }));
    expect(isEphemeral(data)).toBe(false);
    expect(data.embeds?.[0]?.description).toContain('points: 60**');
  });

  it('GIVEN an age below the range (a stale client) WHEN /hsp-points THEN an ephemeral message gives the allowed range', async () => {
    const data = await replyTo(t, t.fake.slash('hsp-points', { ...HSP, age: 10 }));
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('`age` 10 is not valid; give your age at application in whole years, between 15 and 100');
  });

  it('GIVEN a stale client that omits the salary WHEN /hsp-points THEN it says salary is required', async () => {
    const data = await replyTo(t, t.fake.slash('hsp-points', { age: 30, degree: 'master', experience: 5 }));
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('`salary` is required; give the annual salary in yen as a whole number');
  });

  it('GIVEN an unknown degree WHEN /hsp-points THEN the allowed degrees are listed', async () => {
    const data = await replyTo(t, t.fake.slash('hsp-points', { ...HSP, degree: 'PhD' }));
    expect(data.content).toContain('`degree` "PhD" is not allowed; allowed values: doctorate, mba, master, bachelor, none');
  });
});

describe('/topics', () => {
  it('GIVEN no options WHEN /topics THEN the topics are listed privately with a topic menu', async () => {
    const data = await replyTo(t, t.fake.slash('topics'));
    expect(isEphemeral(data)).toBe(true);
    expect(data.embeds?.[0]?.title).toBe('What I know about');
    expect(customIdsOf(data)).toEqual(['topics:topic']);
    expect(selectOptionsOf(data).map((o) => o.value)).toContain('visa');
  });

  it('GIVEN the topic menu WHEN a topic then an entry is picked THEN the list updates in place and the entry opens privately', async () => {
    await replyTo(t, t.fake.slash('topics'));
    const picked = await t.fake.waitForResponse(t.fake.select('topics:topic', ['visa']).id);
    expect(picked.type).toBe(7);
    const list = picked.type === InteractionResponseType.UpdateMessage ? picked.data : undefined;
    expect(list?.embeds?.[0]?.title).toBe('Work visas, job changes and filings');
    expect(customIdsOf(list ?? {})).toEqual(['topics:entry']);
    const entry = selectOptionsOf(list ?? {})[0];
    expect(entry).toBeDefined();

    const opened = await replyTo(t, t.fake.select('topics:entry', [entry?.value ?? '']));
    expect(isEphemeral(opened)).toBe(true);
    expect(opened.embeds?.[0]?.title).toBe(entry?.label);
    expect(customIdsOf(opened)).toEqual([`fb:up:k:${entry?.value}`, `fb:down:k:${entry?.value}`]);
  });

  it("GIVEN topic:promotion WHEN /topics THEN that topic's entries are listed", async () => {
    const data = await replyTo(t, t.fake.slash('topics', { topic: 'promotion' }));
    expect(data.embeds?.[0]?.title).toBe('Promotion and workplace culture');
    expect(selectOptionsOf(data).length).toBeGreaterThan(1);
  });

  it('GIVEN a typed topic title instead of a picked choice WHEN /topics THEN that topic is listed', async () => {
    const data = await replyTo(t, t.fake.slash('topics', { topic: 'work visas, job changes and filings' }));
    expect(data.embeds?.[0]?.title).toBe('Work visas, job changes and filings');
  });

  it('GIVEN an entry id WHEN /topics entry THEN the entry opens', async () => {
    const { id, title } = t.bot.ctx.knowledge().kb.entries[0] ?? { id: '', title: '' };
    const data = await replyTo(t, t.fake.slash('topics', { entry: id }));
    expect(data.embeds?.[0]?.title).toBe(title);
  });

  it('GIVEN an unknown topic WHEN /topics THEN an ephemeral message lists the topics', async () => {
    const data = await replyTo(t, t.fake.slash('topics', { topic: 'Visas' }));
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('I don\'t have the topic "Visas"');
    expect(data.content).toContain('promotion, growth, moving-up, japanese, after-alt, visa, residency');
  });
});

describe('/help and unknown commands', () => {
  it('GIVEN any member WHEN /help THEN a private overview of the commands and sources', async () => {
    const data = await replyTo(t, t.fake.slash('help'));
    expect(isEphemeral(data)).toBe(true);
    for (const command of ['/ask', '/career-path', '/visa-check', '/hsp-points', '/topics']) expect(textOf(data)).toContain(command);
    expect(textOf(data)).toContain('Where the knowledge comes from');
  });

  it('GIVEN a command the bot no longer has WHEN it is invoked THEN an ephemeral message says so', async () => {
    const data = await replyTo(t, t.fake.slash('old-command'));
    expect(isEphemeral(data)).toBe(true);
    expect(data.content).toContain('I no longer know that command');
  });
});
