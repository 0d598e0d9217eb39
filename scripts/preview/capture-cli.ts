/**
 * One screenshot from the command line: HTML on stdin, CaptureOptions as JSON in argv[2], the Capture as JSON on
 * stdout. Used by captureInChildProcess(); run with `node -r ./scripts/preview/register-ts.js`.
 */
import {
  capture,
  ChromiumMissingError,
  CHROMIUM_MISSING_EXIT_CODE,
  openBrowser,
  type CaptureOptions,
} from './screenshot';

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk: string) => (data += chunk));
    process.stdin.on('end', () => resolve(data));
    process.stdin.on('error', reject);
  });
}

function parseOptions(json: string | undefined): CaptureOptions {
  const o: unknown = JSON.parse(json ?? '{}');
  if (typeof o !== 'object' || o === null) throw new Error('capture options: expected a JSON object');
  const { width, height, scale, outFile } = o as Record<string, unknown>;
  if (typeof width !== 'number' || typeof height !== 'number' || typeof scale !== 'number') {
    throw new Error('capture options: width, height and scale must be numbers');
  }
  if (typeof outFile !== 'string' || !outFile) throw new Error('capture options: outFile is required');
  return { width, height, scale, outFile };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv[2]);
  const html = await readStdin();
  const browser = await openBrowser();
  try {
    process.stdout.write(JSON.stringify(await capture(browser, html, options)));
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = e instanceof ChromiumMissingError ? CHROMIUM_MISSING_EXIT_CODE : 1;
});
