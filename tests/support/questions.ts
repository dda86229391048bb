/**
 * Issue 8's example of a question that spans two entries (the IT-support and the N3 after-ALT entries): no entry
 * clearly wins, so the bot declines with suggestions, and with the LLM fallback configured it reaches the drafter.
 * Many tests and the bench rely on that; it sits close to the answering margin, so a curation change can move it
 * (README, "Known limits").
 */
export const TWO_ENTRY_QUESTION = 'is switching from eikaiwa to IT support a good idea if im N3 and did some helpdesk back home';
