import { test, expect, Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { query } from "./db";
import { signIn } from "./session";

/** A score as the pages print it: two decimals at most, a decimal comma. */
function points(x: number): string {
  return (Math.round(x * 100) / 100).toFixed(2).replace(/0+$/, "").replace(/\.$/, "").replace(".", ",");
}

type Row = { rank: number; unit_id: number; unit_name: string; score: number };
type Table = { block_id: number; block_name: string; rows: Row[] };

/** The campaign's latest publication, read from its table. */
async function published(): Promise<{ id: number; tables: Table[] }> {
  const [p] = await query(
    `SELECT p.id, p.standings FROM ranking_publications p JOIN campaigns c ON c.id = p.campaign_id
     WHERE c.slug = 'ke-hoach-114-2024' ORDER BY p.published_at DESC, p.id DESC LIMIT 1`,
  );
  return { id: p.id, tables: JSON.parse(p.standings).tables };
}

async function expectPublished(page: Page, tables: Table[]) {
  for (const t of tables) {
    for (const r of t.rows) {
      const row = page.locator(`.published-section table[data-block="${t.block_id}"] tr[data-unit="${r.unit_id}"]`);
      await expect(row.locator("td.rank")).toHaveText(String(r.rank));
      await expect(row.locator("td.score")).toHaveText(points(r.score));
    }
  }
}

for (const [name, viewport] of [
  ["phone", { width: 360, height: 780 }],
  ["laptop", { width: 1366, height: 768 }],
] as const) {
  test.describe(`the published ranking on a ${name}`, () => {
    test.use({ viewport });

    test("shows exactly what the office published, never a provisional score, and passes axe", async ({ page, browser }) => {
      const p = await published();
      await page.goto("/");
      await expect(page.locator(".published-note")).toHaveAttribute("data-publication", String(p.id));
      await expectPublished(page, p.tables);

      // The provisional ranking differs from the official one; none of its scores shows.
      const council = await browser.newContext();
      const staff = await council.newPage();
      await signIn(staff, "hoidong");
      const res = await staff.request.post("/api/rankings/get", { form: { official: "false" } });
      const provisional: Table[] = (await res.json()).standings.tables;
      await council.close();
      let differs = 0;
      for (const t of provisional) {
        for (const r of t.rows) {
          const official = p.tables.flatMap((x) => x.rows).find((x) => x.unit_id === r.unit_id)!;
          if (points(official.score) === points(r.score)) continue;
          differs++;
          const cell = page.locator(`.published-section tr[data-unit="${r.unit_id}"] td.score`);
          await expect(cell).not.toHaveText(points(r.score));
        }
      }
      expect(differs).toBeGreaterThan(0);

      const axe = await new AxeBuilder({ page }).analyze();
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
      await page.screenshot({ path: `test-results/public-published-${viewport.width}.png`, fullPage: true });
    });

    test("opens a unit's published breakdown, which adds up to its score, with JavaScript off", async ({ browser }) => {
      const p = await published();
      const context = await browser.newContext({ javaScriptEnabled: false, viewport });
      const page = await context.newPage();
      await page.goto("/");
      await expectPublished(page, p.tables);
      const top = p.tables[0].rows[0];
      await page.locator(`.published-section tr[data-unit="${top.unit_id}"] a`).click();
      await expect(page).toHaveURL(new RegExp(`/c/ke-hoach-114-2024/don-vi/${top.unit_id}$`));
      await expect(page.locator("h1")).toHaveText(top.unit_name);
      await expect(page.locator(".published-note .score")).toHaveText(points(top.score));
      // The published score is the mean of the months it counts.
      const months = await page.locator("table.month-totals tbody td.num").allTextContents();
      const values = months.filter((m) => m !== "—").map((m) => Number(m.replace(",", ".")));
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      expect(Math.abs(mean - top.score)).toBeLessThan(0.01 * values.length);
      await page.locator("details.month-lines summary").first().click();
      await expect(page.locator("details.month-lines table").first()).toBeVisible();
      await page.screenshot({ path: `test-results/public-breakdown-${viewport.width}.png`, fullPage: true });
      const address = page.url();
      await context.close();
      // axe runs in the page, so it needs JavaScript.
      const withJs = await browser.newContext({ viewport });
      const again = await withJs.newPage();
      await again.goto(address);
      const axe = await new AxeBuilder({ page: again }).analyze();
      expect(axe.violations.map((v) => v.id)).toEqual([]);
      await withJs.close();
    });
  });
}
