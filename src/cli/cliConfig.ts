import { ConfigError, readConfig, type Config } from '../config';

/** The commands' configuration, or undefined after saying what is wrong (exit code 78). */
export function readCliConfig(env: NodeJS.ProcessEnv, err: (line: string) => void): Config | undefined {
  try {
    return readConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      err(`Cannot read the configuration: ${e.message}`);
      return undefined;
    }
    throw e;
  }
}
