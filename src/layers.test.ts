// @vitest-environment node
// The import directions of src/layers.js are lint errors: wrong imports fail `npm run lint`, allowed ones pass;
// an import cycle is one too (import-x/no-cycle).
// ESLint runs here with the project's own eslint.config.js on source text placed at a path in the tree.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { pageLayerZones } from './layers.js';

const eslint = new ESLint({ cwd: path.resolve(__dirname, '..') });

/** The layer-rule messages for `code` as if it were the file at `file` (relative to the repository root). */
async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(__dirname, '..', file) });
  return result.messages.filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message);
}

describe('import directions', () => {
  it('a feature importing src/app fails', async () => {
    const errors = await layerErrors('src/features/forward/fixture.ts', "export { App } from '../../app/App.tsx';\n");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('A feature never imports src/app');
  });

  it('a feature importing another feature fails, whatever part of it: the app composes them', async () => {
    const wrong = await layerErrors(
      'src/features/forward/fixture.ts',
      "export { workItemKind } from '../work-items/kind.ts';\n" +
        "export { listWorkItems } from '../work-items/api/list-work-items.ts';\n" +
        "export { InboxPage } from '../inbox/routes/InboxPage.tsx';\n",
    );
    expect(wrong).toHaveLength(3);
    expect(wrong[0]).toContain('features/forward never imports features/work-items');
    const allowed = await layerErrors(
      'src/features/forward/fixture.ts',
      "export type { InboxKind } from '../../lib/kinds/kind.ts';\n" +
        "export { IdentityPicker } from '../../components/IdentityPicker.tsx';\n" +
        "export { default } from './ForwardDialog.tsx';\n",
    );
    expect(allowed).toEqual([]);
  });

  it('lib and components never import features or app; the page never imports server/', async () => {
    expect(
      await layerErrors(
        'src/lib/fixture.ts',
        "export { useWorkItems } from '../features/work-items/api/list-work-items.ts';\n",
      ),
    ).toHaveLength(1);
    expect(
      await layerErrors('src/lib/fixture.ts', "export { ErrorAlert } from '../components/ErrorAlert.tsx';\n"),
    ).toHaveLength(1);
    expect(
      await layerErrors('src/components/fixture.ts', "export { Layout } from '../app/Layout.tsx';\n"),
    ).toHaveLength(1);
    expect(await layerErrors('src/components/fixture.ts', "export { plural } from '../lib/plural.ts';\n")).toEqual([]);
    expect(
      await layerErrors('src/app/fixture.ts', "export { buildServer } from '../../server/app.ts';\n"),
    ).toHaveLength(1);
    expect(await layerErrors('contract/fixture.ts', "export { plural } from '../src/lib/plural.ts';\n")).toHaveLength(
      1,
    );
  });

  it('a feature added later gets the same zones without touching the rules', () => {
    const zones = pageLayerZones(['alpha', 'beta']);
    expect(zones).toContainEqual(
      expect.objectContaining({ target: './src/features/alpha', from: './src/features/beta' }),
    );
    expect(zones.find((z) => z.target === './src/features/alpha')?.except).toBeUndefined();
    expect(zones).toContainEqual(
      expect.objectContaining({ target: './src/features/beta', from: './src/features/alpha' }),
    );
  });
});
