import type { Duty, ResidenceStatus, Verdict } from '../../src/kb/vocabulary.js';

/** A /visa-check question as a member gives it (before the schema's defaults). */
export interface Raw {
  status: ResidenceStatus;
  currentWork: Duty;
  newWork: Duty;
  employer: 'same' | 'new';
  salary?: number;
  dispatch?: boolean;
}

// One hand-picked case per verdict row: the row that decides it and the verdict a member sees.
export const rowCases: [string, Raw, Verdict][] = [
  [
    'unrestricted',
    { status: 'unrestricted', currentWork: 'language-teaching-school', newWork: 'factory-line', employer: 'new' },
    'likely-fine',
  ],
  ['simple-labour', { status: 'engineer-specialist', currentWork: 'it-support', newWork: 'data-entry', employer: 'same' }, 'not-permitted'],
  [
    'hands-on-service',
    { status: 'engineer-specialist', currentWork: 'translation-interpretation', newWork: 'hospitality-service', employer: 'new' },
    'not-permitted',
  ],
  [
    'own-business',
    { status: 'instructor', currentWork: 'language-teaching-school', newWork: 'own-business', employer: 'new' },
    'change-of-status-needed',
  ],
  [
    'to-school-teaching',
    { status: 'engineer-specialist', currentWork: 'language-teaching-private', newWork: 'language-teaching-school', employer: 'new' },
    'change-of-status-needed',
  ],
  [
    'ssw-data-entry',
    { status: 'specified-skilled', currentWork: 'factory-line', newWork: 'data-entry', employer: 'same' },
    'not-permitted',
  ],
  [
    'ssw-office-work',
    { status: 'specified-skilled', currentWork: 'hospitality-service', newWork: 'marketing', employer: 'same' },
    'change-of-status-needed',
  ],
  ['ssw-same-job', { status: 'specified-skilled', currentWork: 'factory-line', newWork: 'factory-line', employer: 'same' }, 'likely-fine'],
  [
    'ssw-other',
    { status: 'specified-skilled', currentWork: 'factory-line', newWork: 'factory-line', employer: 'new' },
    'change-of-status-needed',
  ],
  [
    'hsp-new-employer',
    { status: 'highly-skilled', currentWork: 'system-development', newWork: 'qa-testing', employer: 'new' },
    'change-of-status-needed',
  ],
  [
    'gijinkoku-same-duty',
    { status: 'engineer-specialist', currentWork: 'translation-interpretation', newWork: 'translation-interpretation', employer: 'same' },
    'likely-fine',
  ],
  ['gijinkoku-same-field', { status: 'engineer-specialist', currentWork: 'sales', newWork: 'marketing', employer: 'new' }, 'likely-fine'],
  [
    'gijinkoku-other-field',
    { status: 'engineer-specialist', currentWork: 'language-teaching-private', newWork: 'system-development', employer: 'new' },
    'needs-review',
  ],
  [
    'hsp-same-field',
    { status: 'highly-skilled', currentWork: 'system-development', newWork: 'it-support', employer: 'same' },
    'likely-fine',
  ],
  ['hsp-other-field', { status: 'highly-skilled', currentWork: 'system-development', newWork: 'sales', employer: 'same' }, 'needs-review'],
  [
    'instructor-school',
    { status: 'instructor', currentWork: 'language-teaching-school', newWork: 'language-teaching-school', employer: 'new' },
    'likely-fine',
  ],
  [
    'instructor-other',
    { status: 'instructor', currentWork: 'language-teaching-school', newWork: 'translation-interpretation', employer: 'same' },
    'change-of-status-needed',
  ],
  [
    'da46-new-employer',
    { status: 'designated-activities-46', currentWork: 'hospitality-service', newWork: 'hospitality-service', employer: 'new' },
    'change-of-status-needed',
  ],
  [
    'da46-same-duty',
    { status: 'designated-activities-46', currentWork: 'hospitality-service', newWork: 'hospitality-service', employer: 'same' },
    'likely-fine',
  ],
  [
    'da46-other',
    { status: 'designated-activities-46', currentWork: 'sales', newWork: 'hospitality-service', employer: 'same' },
    'needs-review',
  ],
  [
    'student-simple-labour',
    { status: 'student', currentWork: 'hospitality-service', newWork: 'factory-line', employer: 'new' },
    'not-permitted',
  ],
  [
    'student',
    { status: 'student', currentWork: 'hospitality-service', newWork: 'system-development', employer: 'new' },
    'change-of-status-needed',
  ],
  [
    'working-holiday-casual',
    { status: 'working-holiday', currentWork: 'hospitality-service', newWork: 'hospitality-service', employer: 'new' },
    'needs-review',
  ],
  [
    'working-holiday',
    { status: 'working-holiday', currentWork: 'hospitality-service', newWork: 'marketing', employer: 'new' },
    'change-of-status-needed',
  ],
  ['default', { status: 'other', currentWork: 'system-development', newWork: 'system-development', employer: 'same' }, 'needs-review'],
];
