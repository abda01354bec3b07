// Types of layers.js (plain JavaScript, so that eslint.config.js can load it).
export interface LayerZone {
  target: string | string[];
  from: string | string[];
  except?: string[];
  message?: string;
}
export function featureNames(dir?: string): string[];
export function pageLayerZones(features?: string[]): LayerZone[];
