import { createHash } from 'node:crypto';

/** Namespace of pressroom's release identifiers (a fixed random UUID). */
const NAMESPACE = '6f1c5a52-3c4e-4d0b-9a55-8a3b7f2e1d90';

/** RFC 4122 version 5 UUID of `name` in pressroom's namespace, as `urn:uuid:…`. */
export function uuidV5(name: string): string {
  const ns = Buffer.from(NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
