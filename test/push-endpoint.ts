import { createECDH, createPublicKey, randomBytes, verify, type ECDH } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { decrypt } from "http_ece";

export interface PushReceived {
  path: string;
  /** The VAPID JWT's claims, after its ES256 signature was checked against the key sent with it. */
  claims: { aud: string; exp: number; sub: string };
  /** The sender's VAPID public key (base64url). */
  key: string;
  payload: unknown;
}

const b64 = (b: Buffer) => b.toString("base64url");

/** A throwaway self-signed certificate for 127.0.0.1, made with Debian's openssl. */
function selfSigned(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), "push-cert-"));
  try {
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-days",
        "1",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        path.join(dir, "key.pem"),
        "-out",
        path.join(dir, "cert.pem"),
      ],
      { stdio: "ignore" },
    );
    return { key: readFileSync(path.join(dir, "key.pem")), cert: readFileSync(path.join(dir, "cert.pem")) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Checks `vapid t=<jwt>, k=<key>` (RFC 8292): the JWT must be signed by that key. */
function checkVapid(header: string): { claims: PushReceived["claims"]; key: string } {
  const match = /^vapid t=([^,]+),\s*k=(\S+)$/.exec(header);
  if (!match) throw new Error(`not a VAPID authorization: ${header}`);
  const [jwtHeader, jwtClaims, signature] = match[1]!.split(".");
  const raw = Buffer.from(match[2]!, "base64url");
  const key = createPublicKey({
    key: { kty: "EC", crv: "P-256", x: b64(raw.subarray(1, 33)), y: b64(raw.subarray(33, 65)) },
    format: "jwk",
  });
  const ok = verify(
    "sha256",
    Buffer.from(`${jwtHeader}.${jwtClaims}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature!, "base64url"),
  );
  if (!ok) throw new Error("the VAPID signature does not verify");
  return { claims: JSON.parse(Buffer.from(jwtClaims!, "base64url").toString()), key: match[2]! };
}

/**
 * A push service on loopback, as a browser vendor's would be: it checks each message's VAPID
 * signature and decrypts its payload with the keys of the browser it stands for. A path starting
 * /gone answers 410, as for a subscription the browser dropped.
 */
export async function startPushEndpoint() {
  const browser: ECDH = createECDH("prime256v1");
  browser.generateKeys();
  const auth = randomBytes(16);
  const received: PushReceived[] = [];
  const server: Server = createServer(selfSigned(), (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.url?.startsWith("/gone")) return res.writeHead(410).end();
      try {
        const { claims, key } = checkVapid(String(req.headers.authorization));
        if (req.headers["content-encoding"] !== "aes128gcm") throw new Error("not aes128gcm");
        const plain = decrypt(Buffer.concat(chunks), { version: "aes128gcm", privateKey: browser, authSecret: auth });
        received.push({ path: req.url ?? "", claims, key, payload: JSON.parse(plain.toString("utf8")) });
        res.writeHead(201).end();
      } catch (error) {
        res.writeHead(400).end(String(error));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    /** The PushSubscription a browser would hand over for `path` on this service. */
    subscription: (p: string) => ({
      endpoint: `${origin}${p}`,
      keys: { p256dh: b64(browser.getPublicKey()), auth: b64(auth) },
    }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
