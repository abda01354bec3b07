// What may import what in the browser app, enforced by `npm run lint` (eslint-plugin-import-x's
// no-restricted-paths, registered in eslint.config.js; src/layers.test.ts proves a wrong import fails).
//
//   contract/            the API's types and rules, shared with the server: imports nothing from src/
//   src/lib/             shared code without UI (http client, storage, paths, hooks): contract only
//   src/components/      shared UI: lib and contract
//   src/features/<name>/ one domain each: lib, components, contract — never another feature. What one feature
//                        needs of another it gets as a prop or through a context of src/lib, from the app: the
//                        inbox knows the kinds through src/lib/kinds (the registry is src/app/kinds.ts), forward
//                        and forms take what they perform as a prop.
//   src/app/             providers, router, layout, pages' composition: may import anything above
//   server/              never imported by the page (only the test harness in src/test/ starts it)
//
// A feature added under src/features/ is covered by these rules without touching this file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export function featureNames(dir = path.join(here, 'features')) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The zones for `import-x/no-restricted-paths` (paths relative to the repository root). */
export function pageLayerZones(features = featureNames()) {
  const page = ['./src/app', './src/lib', './src/components', './src/features', './src/main.tsx'];
  const zones = [
    {
      target: './src/lib',
      from: ['./src/components', './src/features', './src/app'],
      message: 'src/lib is shared code without UI: it imports only contract/ and other lib files.',
    },
    {
      target: './src/components',
      from: ['./src/features', './src/app'],
      message: 'src/components is shared UI: it imports only src/lib and contract/.',
    },
    {
      target: './src/features',
      from: './src/app',
      message: 'A feature never imports src/app; move what it needs to src/lib or src/components.',
    },
    {
      target: './contract',
      from: ['./src', './server'],
      message: 'contract/ is shared by page and server: it imports neither.',
    },
    { target: page, from: './server', message: 'The page never imports server/.' },
  ];
  for (const feature of features) {
    for (const other of features) {
      if (other === feature) continue;
      zones.push({
        target: `./src/features/${feature}`,
        from: `./src/features/${other}`,
        message: `features/${feature} never imports features/${other}: the app composes them (a prop, a context).`,
      });
    }
  }
  return zones;
}
