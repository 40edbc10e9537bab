import { expect, test } from "@playwright/test";

// The pages run under a strict, per-response Content-Security-Policy; these prove that it is sent,
// that Next's own scripts carry its nonce (the page works: it hydrates), and that nothing is refused.

test("every page gets its own nonce, and Next's scripts carry it, also when served from the page cache", async ({
  request,
}) => {
  const nonces = [];
  const cache: string[] = [];
  for (let i = 0; i < 2; i++) {
    const res = await request.get("/status/tiktok");
    cache.push(res.headers()["x-page-cache"] ?? "");
    const csp = res.headers()["content-security-policy"]!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(res.headers()["x-frame-options"]).toBe("DENY");
    // Served over plain HTTP here: no HSTS, which only means something behind TLS.
    expect(res.headers()["strict-transport-security"]).toBeUndefined();
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    nonces.push(nonce);
  }
  expect(nonces[0]).not.toBe(nonces[1]);
  // The second answer came from the copy the first one rendered (PAGE_CACHE_SECONDS, 5 s).
  expect(cache[1]).toBe("hit");
  // A client cannot choose the nonce by sending a policy of its own.
  const forged = await request.get("/", {
    headers: { "content-security-policy": "script-src 'nonce-chosen-by-attacker'" },
  });
  expect(forged.headers()["content-security-policy"]).not.toContain("chosen-by-attacker");
  expect(await forged.text()).not.toContain("chosen-by-attacker");
});

for (const path of ["/", "/status/whatsapp", "/map", "/incidents", "/compare", "/no-such-page"]) {
  test(`${path} runs with no script or style refused by the policy`, async ({ page }) => {
    const refused: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    // Hydrated: React has attached to the document (a client-only marker Next sets when it boots).
    await expect.poll(() => page.evaluate(() => "__next_f" in window && document.readyState === "complete")).toBe(true);
    expect(refused).toEqual([]);
  });
}

test("an address holding an encoded percent sign is not found, in any language, never a server error", async ({
  request,
}) => {
  for (const path of ["/status/%25", "/de/status/a%25b", "/incidents/4gzw%22%25", "/%25"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
});
