import type { Command } from '../src/discord/command.js';
import { ask } from './ask.js';
import { careerPath } from './career-path.js';
import { config } from './config.js';
import { help } from './help.js';
import { hspPoints } from './hsp-points.js';
import { profile } from './profile.js';
import { remind } from './remind.js';
import { topics } from './topics.js';
import { visaCheck } from './visa-check.js';

/** The one list of slash commands: the runtime routes to these and `npm run deploy-commands` registers them. */
export const commands: readonly Command[] = [ask, careerPath, visaCheck, hspPoints, topics, help, profile, remind, config];
