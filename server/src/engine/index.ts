/** The gongwen engine: plain text in, a document model and findings out. Knows nothing of LSP. */
export * from './types';
export * from './text';
export * from './document';
export * from './headings';
export * from './enumerations';
export * from './config';
export * from './linter';
export * from './segmentation';
export * from './lexicon';
export * from './stats';
export * from './renumber';
export * from './edits';
export { ALL_RULES, RULE_IDS, NUMBERING_RULES } from './rules';
export type { Rule, LineRule, DocumentRule, RuleMeta } from './rules/rule';
export * from './configFile';
export * from './outline';
