import { describe, expect, it } from 'vitest';
import { MAX_QUESTION_LENGTH, validateQuestion } from '../../src/answer/question.js';

describe('question validation', () => {
  it.each([[''], ['   '], [undefined], [42]])('GIVEN %j THEN asks for a question', (raw) => {
    expect(validateQuestion(raw)).toEqual({ ok: false, message: 'Please type a question: the text is empty.' });
  });

  it('GIVEN 5,000 characters THEN says how long it is and what the limit is', () => {
    const r = validateQuestion('a'.repeat(5000));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('5,000 characters');
    expect(!r.ok && r.message).toContain(MAX_QUESTION_LENGTH.toLocaleString('en-US'));
  });

  it('GIVEN control characters THEN asks for plain text', () => {
    const r = validateQuestion('how do I\u0007 get promoted\u001b[31m');
    expect(r).toEqual({ ok: false, message: expect.stringContaining('control characters') as string });
  });

  it('GIVEN a normal question with newlines THEN returns it trimmed and on one line', () => {
    expect(validateQuestion('  how do I\nget promoted?\t ')).toEqual({ ok: true, question: 'how do I get promoted?' });
  });
});

describe('questions without words', () => {
  it.each(['\uE000\uE001', '??? !!!', '\uE000 \uE001 ❓'])('GIVEN "%s" THEN it asks for a question in words', (q) => {
    expect(validateQuestion(q)).toEqual({ ok: false, message: 'Please type your question in words: that message has no letters.' });
  });
});
