import { readFileSync } from 'node:fs';

/** Where site owners can read what the crawler is and whom to contact. */
export const CONTACT_URL = 'https://github.com/faultline-project/faultline';

/**
 * The package version, read once from package.json (two folders up from src/ and dist/ alike).
 *
 * @example packageVersion() // '0.1.0'
 */
export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/**
 * The User-Agent every HTTP request sends.
 *
 * @example userAgent() // 'faultline/0.1.0 (+https://github.com/faultline-project/faultline)'
 */
export function userAgent(): string {
  return `faultline/${packageVersion()} (+${CONTACT_URL})`;
}
