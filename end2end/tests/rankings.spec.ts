import { test, expect } from "@playwright/test";
import { query } from "./db";
import { hydrated } from "./hydrated";
import { signIn } from "./session";

test.use({ viewport: { width: 1366, height: 768 }, isMobile: false, hasTouch: false });

test("the council reads each block's ranking, official and provisional, and a unit's breakdown explains its score", async ({ page }) => {
  await signIn(page, "hoidong");
  await page.getByRole("link", { name: "Xếp hạng thi đua" }).click();
  await expect(page).toHaveURL(/\/xep-hang$/);
  await hydrated(page);
  const blocks = await query(
    `SELECT b.id, count(r.id)::int AS n FROM blocks b JOIN campaigns c ON c.id = b.campaign_id AND c.slug = 'ke-hoach-114-2024'
     LEFT JOIN registrations r ON r.block_id = b.id AND r.status = 'confirmed' GROUP BY b.id ORDER BY b.id`,
  );
  for (const b of blocks) {
    await expect(page.locator(`table.ranking[data-block="${b.id}"] tbody tr`)).toHaveCount(b.n);
  }
  await expect(page.locator(".tie-breaks li")).toHaveCount(4);
  await expect(page.getByRole("navigation", { name: "Loại kết quả" }).locator("a[aria-current=page]")).toHaveText("Chính thức");
  await expect(page.getByRole("navigation", { name: "Cách xếp" }).locator("a[aria-current=page]")).toHaveText("Theo khối");
  await page.screenshot({ path: "test-results/rankings-1366.png", fullPage: true });

  // Ranks are 1 at the top of each block and never go down the table.
  const ranks = await page.locator("table.ranking").first().locator("td.rank").allTextContents();
  expect(Number(ranks[0])).toBe(1);
  expect(ranks.map(Number)).toEqual([...ranks.map(Number)].sort((a, b) => a - b));

  // Every unit in one table, ranked across the blocks on the same scores.
  const byBlock = new Map<string, string>();
  for (const row of await page.locator("table.ranking tbody tr").all()) {
    byBlock.set((await row.getAttribute("data-unit"))!, (await row.locator("td.score").textContent())!.trim());
  }
  await page.getByRole("link", { name: "Toàn bộ đơn vị" }).click();
  await expect(page).toHaveURL(/toan-bo=1/);
  await expect(page.locator("table.ranking")).toHaveCount(1);
  const all = page.locator("table.ranking tbody tr");
  await expect(all).toHaveCount(blocks.reduce((n, b) => n + b.n, 0));
  const scores: number[] = [];
  for (const row of await all.all()) {
    const s = (await row.locator("td.score").textContent())!.trim();
    expect(s).toBe(byBlock.get((await row.getAttribute("data-unit"))!));
    scores.push(Number(s.replace(",", ".")));
  }
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
  await page.screenshot({ path: "test-results/rankings-overall-1366.png", fullPage: true });
  await page.getByRole("link", { name: "Theo khối" }).click();
  await expect(page.locator("table.ranking")).toHaveCount(blocks.length);

  // One month, provisional: the note says it is not for publication.
  const [p] = await query(
    `SELECT p.id, p.name FROM periods p JOIN campaigns c ON c.id = p.campaign_id AND c.slug = 'ke-hoach-114-2024'
     WHERE p.kind = 'monthly' ORDER BY p.starts_on LIMIT 1 OFFSET 3`,
  );
  await page.getByLabel("Kỳ báo cáo").selectOption({ label: p.name });
  await page.getByRole("button", { name: "Xem" }).click();
  await expect(page).toHaveURL(new RegExp(`ky=${p.id}`));
  await page.getByRole("link", { name: "Tạm tính" }).click();
  await expect(page.locator(".notice.provisional")).toContainText("không công bố");

  // The top unit's breakdown adds up to its score.
  const top = page.locator("table.ranking").first().locator("tbody tr").first();
  const score = (await top.locator("td.score").textContent())!.trim();
  await top.locator("th.unit a").click();
  await expect(page).toHaveURL(/\/xep-hang\/\d+\?ky=\d+&tam-tinh=1$/);
  await expect(page.locator("dl.totals dd.total")).toHaveText(score);
  const lines = await page.locator("table.breakdown-lines tbody tr").count();
  expect(lines).toBeGreaterThan(5);
  await page.screenshot({ path: "test-results/breakdown-1366.png", fullPage: true });
});
