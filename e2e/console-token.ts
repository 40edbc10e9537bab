/** The e2e server's bootstrap ADMIN_TOKEN (playwright.config.ts passes it on); the console tests sign in with it. */
export const E2E_ADMIN_TOKEN = "e2e-bootstrap-admin-token-0123456789abcdef";
