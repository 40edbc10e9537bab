import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** Seals short secrets for storage (AES-256-GCM): a database dump alone does not reveal them. */
export interface SecretBox {
  seal(plain: string): string;
  /** The secret; a value stored before sealing existed (no version prefix) is returned as it is. */
  open(stored: string): string;
  isSealed(stored: string): boolean;
}

const VERSION = "v1.";

export function secretBox(key: Buffer, purpose: string): SecretBox {
  if (key.length !== 32) throw new Error("a secret box needs a 32-byte key");
  // Binding the purpose means a value sealed for one use cannot be passed off as another.
  const aad = Buffer.from(purpose);
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv).setAAD(aad);
      const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return VERSION + [iv, cipher.getAuthTag(), sealed].map((b) => b.toString("base64url")).join(".");
    },
    open(stored) {
      if (!stored.startsWith(VERSION)) return stored;
      const [iv, tag, sealed] = stored
        .slice(VERSION.length)
        .split(".")
        .map((p) => Buffer.from(p, "base64url"));
      if (!iv || !tag || !sealed) throw new Error("a sealed secret is malformed");
      const decipher = createDecipheriv("aes-256-gcm", key, iv).setAAD(aad).setAuthTag(tag);
      return Buffer.concat([decipher.update(sealed), decipher.final()]).toString("utf8");
    },
    isSealed: (stored) => stored.startsWith(VERSION),
  };
}
