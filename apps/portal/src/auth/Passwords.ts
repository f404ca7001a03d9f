// Passwords: argon2id, at least 8 characters, no composition rules (NCSC / NIST 800-63B), and the
// most common passwords refused.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { hash, verify } from "@node-rs/argon2";

/** argon2id with OWASP's recommended minimums (19 MiB, 2 iterations, 1 lane). */
const options = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;

const common = new Set(
  readFileSync(new URL("./common-passwords.txt", import.meta.url), "utf8")
    .split("\n")
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line !== "" && !line.startsWith("#")),
);

/** Why a new password is refused, in plain English, or undefined when it is acceptable. */
export const passwordProblem = (password: string, login: string): string | undefined => {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if ([...password].length > MAX_PASSWORD_LENGTH)
    return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  const lower = password.toLowerCase();
  if (common.has(lower)) return "This password is too common. Try a few unrelated words together.";
  if (/^(.)\1+$/u.test(password))
    return "This password repeats one character. Try a few unrelated words together.";
  if (lower === login.toLowerCase() || lower === login.toLowerCase().split("@")[0]) {
    return "Do not use your sign-in name as your password.";
  }
  return undefined;
};

export const hashPassword = (password: string): Promise<string> => hash(password, options);

export const verifyPassword = async (passwordHash: string, password: string): Promise<boolean> => {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
};

/** A hash to verify against when the account does not exist, so both answers take as long. */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => {
  decoy ??= hashPassword(randomBytes(16).toString("hex"));
  return decoy;
};

/** A one-time password people can type: four groups of four letters and digits (~80 bits). */
export const oneTimePassword = (): string => {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const bytes = randomBytes(16);
  let out = "";
  for (let index = 0; index < 16; index++) {
    if (index > 0 && index % 4 === 0) out += "-";
    out += alphabet[(bytes[index] as number) % alphabet.length];
  }
  return out;
};
