import { fileURLToPath } from 'node:url';

/** The repository root, resolved from this file so scripts work from any working directory. */
export const ROOT_DIR = fileURLToPath(new URL('../', import.meta.url));
export const KNOWLEDGE_DIR = fileURLToPath(new URL('../knowledge/', import.meta.url));
