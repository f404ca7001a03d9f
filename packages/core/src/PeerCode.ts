/**
 * Stable anonymised codes for services, so peers can be compared without being named. A code depends
 * only on the network's secret salt and the service's id, so it stays the same year after year.
 *
 * @module
 */

/** Letters and digits that cannot be mistaken for each other (no 0/O, 1/I). */
const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

const fnv1a = (text: string, seed: number): number => {
  let hash = 0x811c9dc5 ^ seed;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
};

const encode = (salt: string, serviceId: string, length: number): string => {
  let code = "";
  for (let seed = 0; code.length < length; seed++) {
    let hash = fnv1a(`${salt}\u0000${serviceId}`, seed);
    for (let digit = 0; digit < 6 && code.length < length; digit++) {
      code += ALPHABET[hash & 31];
      hash >>>= 5;
    }
  }
  return code;
};

/**
 * A service's code: "S-" and four characters, e.g. `S-7KQ3`.
 *
 * @example
 * ```ts
 * import { PeerCode } from "@sequin/core"
 * PeerCode.codeFor("network-salt", "service-42") === PeerCode.codeFor("network-salt", "service-42") // true
 * ```
 */
export const codeFor = (salt: string, serviceId: string, length = 4): string =>
  `S-${encode(salt, serviceId, length)}`;

/**
 * Codes for all of a network's services, unique: where two services' four-character codes collide,
 * the one whose id sorts later gets a longer code. The result does not depend on the input order.
 *
 * @example
 * ```ts
 * import { PeerCode } from "@sequin/core"
 * PeerCode.codesFor("network-salt", ["a", "b"]).size // 2
 * ```
 */
export const codesFor = (
  salt: string,
  serviceIds: ReadonlyArray<string>,
): ReadonlyMap<string, string> => {
  const codes = new Map<string, string>();
  const taken = new Set<string>();
  for (const serviceId of [...new Set(serviceIds)].sort()) {
    let length = 4;
    let code = codeFor(salt, serviceId, length);
    while (taken.has(code)) code = codeFor(salt, serviceId, ++length);
    taken.add(code);
    codes.set(serviceId, code);
  }
  return codes;
};
