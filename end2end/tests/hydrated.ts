import { Page } from "@playwright/test";

/** Waits until the page is hydrated: before that, buttons are server HTML without handlers. */
export async function hydrated(page: Page) {
  await page.locator("body[data-hydrated]").waitFor({ state: "attached", timeout: 20_000 });
}
