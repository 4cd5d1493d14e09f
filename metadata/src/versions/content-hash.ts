// The content hash of a bundle: sha256 of its canonical JSON (object keys sorted at every
// level), so the same metadata hashes the same however its files ordered their keys.
import crypto from 'node:crypto';
import type { MetadataBundle } from '@stagecraft/core';

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, nested: unknown) => {
    if (typeof nested !== 'object' || nested === null || Array.isArray(nested)) return nested;
    const entries = Object.entries(nested as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  });
}

/** Hex sha256 of the canonical JSON. */
export function contentHashOf(bundle: MetadataBundle): string {
  return crypto.createHash('sha256').update(canonicalJson(bundle), 'utf8').digest('hex');
}
