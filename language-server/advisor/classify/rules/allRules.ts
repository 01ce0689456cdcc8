import type { Rule } from '../rule';
import { CONTENT_RULES } from './contentRules';
import { ENTRY_RULES } from './entryRules';
import { EXTENSION_RULES } from './extensionRules';
import { NATIVE_RULES } from './nativeRules';
import { WEB_RULES } from './webRules';

/** Every classification rule. A new rule is a row in the table of its family. */
export const RULES: readonly Rule[] = [...EXTENSION_RULES, ...NATIVE_RULES, ...CONTENT_RULES, ...WEB_RULES, ...ENTRY_RULES];
