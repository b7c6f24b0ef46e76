/**
 * The Chromium the browser tests drive: Debian's when the machine has it (faster to start), else
 * the headless Chromium that ships inside the @sparticuz/chromium npm package, unpacked to the
 * temporary directory on first use. Nothing is downloaded at run time.
 */
import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUM = '/usr/lib/chromium/chromium';
const COMMON_ARGS = ['--disable-background-networking', '--disable-component-update', '--no-first-run'];

export interface BrowserLaunch {
  executablePath: string;
  args: string[];
  /** Where the browser came from, for the test's name. */
  origin: 'system' | 'npm';
}

export async function findBrowser(): Promise<BrowserLaunch> {
  if (existsSync(SYSTEM_CHROMIUM)) {
    return {
      executablePath: SYSTEM_CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', ...COMMON_ARGS],
      origin: 'system',
    };
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  return {
    executablePath: await packaged.executablePath(),
    args: [...packaged.args, ...COMMON_ARGS],
    origin: 'npm',
  };
}
