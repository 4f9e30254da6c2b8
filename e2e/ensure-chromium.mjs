// Makes sure Debian's Chromium (and a CJK font for the Chinese UI) is present before the
// browser tests. Playwright never downloads a browser of its own here.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const cjkFont = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const missing = [];
if (!existsSync(chromium)) missing.push('chromium');
if (!existsSync(cjkFont)) missing.push('fonts-noto-cjk');

if (missing.length) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(
      `Browser tests need Debian's ${missing.join(' and ')}. Install with:\n` +
        `  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n` +
        `or point CHROME_PATH at an existing Chromium.`,
    );
    process.exit(1);
  }
  console.log(`Installing ${missing.join(', ')} with apt-get…`);
  execSync('apt-get update', { stdio: 'inherit' });
  execSync(`apt-get install -y --no-install-recommends ${missing.join(' ')}`, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
