/** Public API of the deterministic engines: vocabulary, input schemas, rule loading, engines and renderers. */
export * from './vocabulary.js';
export * from './inputs.js';
export { buildRefIndex, renderSources, type RefIndex } from './refs.js';
export { loadRules, parseCareerPathRules, parseVisaCheckRules, parseHspPointsRules, RULE_FILES, type RuleTables, type RulesResult } from './load.js';
export type { CareerPathRules } from './career-path.schema.js';
export type { VisaCheckRules } from './visa-check.schema.js';
export type { HspPointsRules } from './hsp-points.schema.js';
export { evaluateCareerPath, type CareerPathResult, type CareerPathOutcome } from './career-path.js';
export { checkVisa, type VisaCheckResult } from './visa-check.js';
export { computeHspPoints, computeHspOutcome, type HspPointsResult, type HspPointsOutcome, type HspLine } from './hsp-points.js';
export { renderCareerPath, describeCareerInput } from './career-path.render.js';
export { renderVisaCheck, describeVisaInput } from './visa-check.render.js';
export { renderHspPoints } from './hsp-points.render.js';
export { MAX_REPLY } from './text.js';
