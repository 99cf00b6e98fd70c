import { ConfigResult, DEFAULT_CONFIG, parseConfigText } from './config';
import { RULE_IDS } from './rules';

/**
 * The configuration file's name and what its text means. Finding and reading the file is the host's
 * (server/src/host/configFile.ts): the engine reads no files.
 */
export const CONFIG_FILE_NAME = '.gongwenrc.json';
/** Configuration files larger than this are not read. */
export const MAX_CONFIG_BYTES = 20 * 1024 * 1024;

/** Validates the text of a configuration file against the engine's rules. Never throws: problems come back in Chinese. */
export function parseConfigFile(text: string): ConfigResult {
  return parseConfigText(text, RULE_IDS);
}

/** The result for a configuration file that could not be used: the defaults, and why (in Chinese). */
export function unusableConfigFile(problem: string): ConfigResult {
  return { config: DEFAULT_CONFIG, problems: [problem] };
}
