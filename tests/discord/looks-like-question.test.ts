import { describe, expect, it } from 'vitest';
import { looksLikeQuestion } from '../../src/discord/help-channel-listener.js';

describe('looksLikeQuestion (which help-channel messages may cost an LLM call)', () => {
  it.each([
    'can I switch jobs on gijinkoku',
    'is N2 enough?',
    'anyone know about SES',
    '技人国で転職できますか',
    '飲み会って行くべきかな',
    'nomikai？',
  ])('"%s" is a question', (text) => {
    expect(looksLikeQuestion(text)).toBe(true);
  });
  it.each(['thanks, that helped!', 'lol same', 'I joined the smokers today', '了解です'])('"%s" is not', (text) => {
    expect(looksLikeQuestion(text)).toBe(false);
  });
});
