/**
 * Issue 8's example of a question that spans two entries (the N3 and the IT-support after-ALT entries): the N3 entry
 * ranks first, but only two views pick it and by less than the two-view margin, so no entry clearly wins: without the
 * LLM fallback the bot declines with both as "did you mean" suggestions, and with the fallback configured the question
 * reaches the drafter with both. Many tests and the bench rely on that (README, "Known limits").
 */
export const TWO_ENTRY_QUESTION = 'is switching from eikaiwa to IT support a good idea if im N3 and did some helpdesk back home';

/**
 * A near tie: the standard PR entry wins clearly enough to answer, but by less than the near-tie margin over the fast
 * track (the question spans both), so without the LLM fallback it answers with the fast track first among the related
 * entries, and with the fallback configured it drafts from both instead.
 */
export const NEAR_TIE_QUESTION = 'how many years do i usually have to live in japan before i can apply for PR?';

/**
 * A question that spans two entries (asking for a promotion, and never stopping the job hunt) on which no view picks
 * the best one: no entry clearly wins, so the bot declines with both as "did you mean" suggestions, and with the
 * fallback configured it reaches the drafter.
 */
export const NO_WINNER_QUESTION = 'should i keep job hunting while my boss says a promotion might come soon';

/**
 * A member's long message (their situation, then the question) whose best entry (moving into IT after ALT) scores under
 * the suggestion floor by its length alone: the long-message suggestion floor makes it close, so it gets "did you mean"
 * suggestions, and with the fallback configured it reaches the drafter (declined outright before).
 */
export const LONG_MESSAGE_QUESTION =
  "I teach at an eikaiwa, four years in, N3, and lately I keep thinking about leaving teaching altogether. A friend moved into IT support after a bootcamp and says it was the best decision she made. I have zero coding background but I'm good with people and I like fixing things. Is switching into IT realistic for someone like me, and which roles would even consider me?";
