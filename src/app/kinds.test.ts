// The registry and what it promises: every kind is its own module, and no file outside a kind's folder compares
// (or spells) a kind's name — the inbox, the app and the other kinds know it only through the interface.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KINDS } from './kinds.ts';

const SRC = path.resolve(__dirname, '..');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' && dir === SRC ? [] : sources(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** The feature folders that hold a kind module. */
const kindFolders = fs
  .readdirSync(path.join(SRC, 'features'))
  .filter((name) => fs.existsSync(path.join(SRC, 'features', name, 'kind.ts')));

describe('the registry', () => {
  it('names each kind once; within a kind every action has its own name and key', () => {
    expect(new Set(KINDS.map((k) => k.name)).size).toBe(KINDS.length);
    for (const kind of KINDS) {
      expect(new Set(kind.actions.map((a) => a.name)).size, kind.name).toBe(kind.actions.length);
      expect(new Set(kind.actions.map((a) => a.key)).size, kind.name).toBe(kind.actions.length);
    }
    expect(kindFolders.length).toBe(KINDS.length);
  });

  it("no file outside a kind's folder spells its name: nothing else compares kinds", () => {
    const files = sources(SRC);
    for (const kind of KINDS) {
      const literal = new RegExp(`(['"\`])${kind.name}\\1`);
      const spelling = files.filter((file) => literal.test(fs.readFileSync(file, 'utf8')));
      const folders = new Set(
        spelling.map((file) => path.relative(path.join(SRC, 'features'), file).split(path.sep)[0]),
      );
      expect(spelling.length, `${kind.name} is spelt somewhere`).toBeGreaterThan(0);
      expect(
        [...folders],
        `files spelling '${kind.name}': ${spelling.map((f) => path.relative(SRC, f)).join(', ')}`,
      ).toHaveLength(1);
      expect(kindFolders).toContain([...folders][0]);
    }
  });
});
