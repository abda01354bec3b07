// The lint rule that keeps the server (and the contract) out of the browser app, run through ESLint's own API
// on snippets as if they were files at the given paths: wrong imports are errors, right ones pass.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '..') });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2).map((m) => m.message);
}

describe('import layering', () => {
  it.each([
    ['server/sandbox/work-items/queries.ts', "import { isEmpty } from '../../../src/features/forms/form-model.ts';"],
    ['server/app.ts', "import type { WorkItem } from '../src/features/work-items/types.ts';"],
    ['server/plugins/session/routes.ts', "export { http } from '../../../src/lib/http.ts';"],
    ['contract/work-items.ts', "import { http } from '../src/lib/http.ts';"],
    ['contract/session.ts', "import type { ServerConfig } from '../server/config.ts';"],
  ])('%s: %s is an error', async (file, code) => {
    const messages = await restrictedImports(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/never import|imports neither/);
  });

  it.each([
    ['server/sandbox/work-items/queries.ts', "import type { WorkItem } from '../../../contract/work-items.ts';"],
    ['server/app.ts', "import fs from 'node:fs';\nimport { pathOf } from './request-path.ts';"],
    ['contract/account-selection.ts', "import { isSection } from './work-items.ts';"],
  ])('%s: %s is fine', async (file, code) => {
    expect(await restrictedImports(file, code)).toEqual([]);
  });
});
