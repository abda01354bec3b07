// A stand-in for the production build (dist/) for tests of what the server does with the page: a temporary folder
// with an index.html and any other files named, removed again after the test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface StandInDist {
  dir: string;
  remove: () => void;
}

/** `files`: paths inside dist/ (e.g. `assets/index-AbC123.js`) and their contents; index.html is `indexHtml`. */
export function standInDist(indexHtml: string, files: Record<string, string> = {}): StandInDist {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wi-dist-'));
  for (const [file, text] of Object.entries({ 'index.html': indexHtml, ...files })) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
