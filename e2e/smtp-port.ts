/** Where the alerts journey's SMTP server listens (e2e/alerts.spec.ts starts it); the app's SMTP_URL points there. */
export const E2E_SMTP_PORT = Number(process.env.E2E_PORT ?? 3100) + 25;
