/**
 * Issue 8's example of a question that spans two entries (the N3 and the IT-support after-ALT entries): the N3 entry
 * wins, but only narrowly (a near tie), so without the LLM fallback it answers with the IT-support entry first among
 * the related ones, and with the fallback configured the question reaches the drafter with both. Many tests and the
 * bench rely on that; it sits close to the near-tie margin, so a curation change can move it (README, "Known limits").
 */
export const TWO_ENTRY_QUESTION = 'is switching from eikaiwa to IT support a good idea if im N3 and did some helpdesk back home';

/**
 * A question that spans two entries (asking for a promotion, and never stopping the job hunt) on which no view picks
 * the best one: no entry clearly wins, so the bot declines with both as "did you mean" suggestions, and with the
 * fallback configured it reaches the drafter.
 */
export const NO_WINNER_QUESTION = 'should i keep job hunting even though my company might promote me soon';
