import type { APIApplicationCommandOption, ChatInputCommandInteraction } from 'discord.js';
import { z } from 'zod';
import {
  BACKGROUNDS,
  LOCATIONS,
  RESIDENCE_STATUSES,
  backgroundSchema,
  jlptSchema,
  locationSchema,
  residenceStatusSchema,
  type Choice,
} from '../kb/vocabulary.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';

/**
 * A member's opt-in profile (/profile set): what /career-path, /visa-check and /hsp-points would otherwise ask every
 * time. Stored only when the member asks, under `member:<userId>:profile` (every key about one member starts with
 * `member:<userId>:`, so /profile delete can erase them all). Field names are the commands' option names.
 */
export const profileSchema = z.strictObject({
  jlpt: jlptSchema.optional(),
  status: residenceStatusSchema.optional(),
  background: backgroundSchema.optional(),
  location: locationSchema.optional(),
  technical: z.boolean().optional(),
  sponsorship: z.boolean().optional(),
});
export type Profile = z.infer<typeof profileSchema>;
export type ProfileField = keyof Profile;

const label = (list: readonly Choice[]) => (v: unknown) => list.find((c) => c.value === v)?.label ?? String(v);

/** The fields in the order members see them, with how each value reads in a reply. */
const FIELDS: readonly { name: ProfileField; label: string; show(value: unknown): string }[] = [
  { name: 'jlpt', label: 'JLPT level', show: (v) => (v === 'none' ? 'no JLPT' : String(v)) },
  { name: 'status', label: 'Status of residence', show: label(RESIDENCE_STATUSES) },
  { name: 'background', label: 'Background', show: label(BACKGROUNDS) },
  { name: 'location', label: 'Where you want to work', show: label(LOCATIONS) },
  { name: 'technical', label: 'In-demand technical skills', show: (v) => (v ? 'technical skills' : 'no technical skills') },
  { name: 'sponsorship', label: 'Needs visa sponsorship', show: (v) => (v ? 'needs sponsorship' : 'no sponsorship needed') },
];
export const PROFILE_FIELDS: readonly string[] = FIELDS.map((f) => f.name);

export const profileKey = (userId: string) => `${userId}:profile`;
const profiles = (store: Store) => store.namespace<Profile>('member');

/** The member's profile, or undefined (none saved, or the store failing: commands then simply ask as before). */
export async function readProfile(store: Store, userId: string, log?: Logger): Promise<Profile | undefined> {
  try {
    const stored = await profiles(store).get(profileKey(userId));
    const parsed = profileSchema.safeParse(stored);
    return stored === undefined ? undefined : parsed.success ? parsed.data : undefined;
  } catch {
    log?.debug('profile not read (store failing); the command goes on without it');
    return undefined;
  }
}

/**
 * The profile of the member running a command, read only when the command has a profile option the member left out
 * (so a command given everything does not touch the store).
 */
export async function profileFor(
  interaction: ChatInputCommandInteraction,
  definition: readonly APIApplicationCommandOption[],
  store: Store,
  log?: Logger,
) {
  const leftOut = definition.some((o) => PROFILE_FIELDS.includes(o.name) && interaction.options.get(o.name)?.value == null);
  return leftOut ? readProfile(store, interaction.user.id, log) : undefined;
}

/** Merges `changes` into the saved profile (one writer: the member) and returns the result. */
export async function saveProfile(store: Store, userId: string, changes: Profile): Promise<Profile> {
  const current = (await readProfile(store, userId)) ?? {};
  const next = profileSchema.parse({ ...current, ...changes });
  await profiles(store).set(profileKey(userId), next);
  return next;
}

/** "JLPT N2 · ALT / English teaching": the named fields' values (all saved ones by default). */
export function describeProfile(profile: Profile, only: readonly string[] = PROFILE_FIELDS): string {
  return FIELDS.filter((f) => only.includes(f.name) && profile[f.name] !== undefined)
    .map((f) => f.show(profile[f.name]))
    .join(' · ');
}

/** One line per saved field, for /profile show. */
export function profileLines(profile: Profile): string[] {
  return FIELDS.filter((f) => profile[f.name] !== undefined).map((f) => `• **${f.label}:** ${f.show(profile[f.name])}`);
}

/** Told to a member who left out a required option that a profile could hold. */
export const PROFILE_HINT = 'Tip: save your usual answers once with `/profile set`, and commands fill in what you leave out.';

/** What a reply says when options came from the profile: "From your profile: N2 · ALT / English teaching". */
export function profileNote(profile: Profile | undefined, used: readonly string[]): string | undefined {
  if (!profile || used.length === 0) return undefined;
  return `From your profile: ${describeProfile(profile, used)} (/profile show · /profile set to change)`;
}
