import { expect, test, type Response } from "@playwright/test";
import { freshClientIp, ServicePage } from "./pages";

const isReportPost = (response: Response) =>
  response.request().method() === "POST" && new URL(response.url()).pathname === "/api/v1/reports";

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": freshClientIp() });
});

test("a report made offline waits on the device and is sent when the connection returns", async ({ page, context }) => {
  const service = new ServicePage(page);
  await service.open("whatsapp");
  const comment = `Messages stuck on one tick, sent offline (${test.info().project.name} ${Date.now()})`;

  await context.setOffline(true);
  // The page says it is offline above the form; once it has, the form stays where it is to tap.
  await expect(page.getByTestId("offline-age")).toBeVisible();
  await service.report("Sending messages", { text: comment });
  await expect(page.getByTestId("report-queued")).toContainText(
    "You are offline, so your report is saved on this device.",
  );
  const queue = page.getByTestId("queued-reports");
  await expect(queue).toHaveText(
    "Your report about WhatsApp is saved on this device and will be sent when you are back online.",
  );
  // Still waiting after a while: nothing is sent without a connection.
  await page.waitForTimeout(1_000);
  await expect(queue).toContainText("will be sent when you are back online");

  const sent = page.waitForResponse(isReportPost);
  await context.setOffline(false);
  const answer = await sent;
  expect(answer.status()).toBe(201);
  expect(answer.headers()["idempotent-replayed"]).toBeUndefined();
  await expect(queue).toHaveText(/^Your report about WhatsApp, made offline at .+, has been sent\.Dismiss$/);
  await expect(page.getByTestId("report-queued")).toHaveText(
    "Your report is in: it was sent once the connection came back.",
  );
  await queue.getByRole("button", { name: "Dismiss" }).click();
  await expect(queue).toBeEmpty();

  // It arrived with what it said: the comment is listed (pages may be a few seconds old).
  await expect(async () => {
    await page.reload();
    await expect(service.texts()).toContainText(comment, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
});

test.describe("when the answer is lost on the way back", () => {
  // The form's own request is cut here, after the server has it; no worker in between.
  test.use({ serviceWorkers: "block" });

  test("the report is queued under the form's key and the resend counts once", async ({ page }) => {
    const service = new ServicePage(page);
    await service.open("discord");
    let stored = 0;
    await page.route("**/status/discord", async (route) => {
      if (route.request().method() !== "POST") return route.fallback();
      const delivered = await route.fetch();
      if (delivered.ok()) stored++;
      await route.abort("connectionreset");
    });

    const resent = page.waitForResponse(isReportPost);
    await service.report("Voice calls");
    // The browser thinks it is online, so the queue sends at once, with the key the form used.
    const answer = await resent;
    expect(stored).toBe(1);
    expect(answer.status()).toBe(201);
    expect(answer.headers()["idempotent-replayed"]).toBe("true");
    await expect(page.getByTestId("queued-reports")).toContainText(
      /^Your report about Discord, made offline at .+, has been sent\./,
    );
    await expect(page.getByTestId("report-queued")).toHaveText(
      "Your report is in: it was sent once the connection came back.",
    );
  });
});
