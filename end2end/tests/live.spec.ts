import { test, expect, Browser, Page } from "@playwright/test";
import fs from "fs";
import path from "path";
import { query } from "./db";
import { hydrated } from "./hydrated";
import { signIn } from "./session";

async function open(browser: Browser, width: number, height: number) {
  const context = await browser.newContext({ viewport: { width, height } });
  return context.newPage();
}

test("an approval reaches the meeting-room screen, and an accident the public page, within a second, without reload", async ({ browser }) => {
  test.setTimeout(60_000);
  // A submitted report: approving it puts its scores into the official ranking.
  const [r] = await query(
    `SELECT r.id, r.unit_id FROM reports r JOIN periods p ON p.id = r.period_id
     WHERE r.status = 'submitted' AND p.kind = 'monthly' ORDER BY r.id LIMIT 1`,
  );
  const tv = await open(browser, 1920, 1080);
  await tv.goto("/man-hinh/demo-phong-hop");
  await hydrated(tv);
  const score = tv.locator(`table.dash-ranking tr[data-unit="${r.unit_id}"] td.score`);
  const before = (await score.textContent())!.trim();
  const table = tv.locator("table.dash-ranking").filter({ has: tv.locator(`tr[data-unit="${r.unit_id}"]`) });
  const order = () => table.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-unit")!));
  const orderBefore = await order();
  await expect(tv.locator(".dashboard")).not.toContainText("Mất kết nối");

  const phone = await open(browser, 360, 780);
  await phone.goto("/");
  // The public page is plain HTML with live.js, which follows the stream.
  await expect(phone.locator("body")).toHaveAttribute("data-live", "open");
  const accidents = phone.locator('tr[data-measure="accidents"] td.current');
  const accidentsBefore = (await accidents.textContent())!.trim();

  const office = await open(browser, 1366, 768);
  await signIn(office, "thuongtruc");
  await office.goto(`/bao-cao/${r.id}`);
  await hydrated(office);
  const approved = office.waitForResponse((res) => res.url().includes("/api/reports/act") && res.status() === 200);
  await office.getByRole("button", { name: "Duyệt báo cáo" }).click();
  await approved;
  await expect(score).not.toHaveText(before, { timeout: 1_000 });
  await tv.screenshot({ path: "test-results/live-dashboard-1920.png" });
  // Rows that changed place slide from where they stood; the others keep still.
  const orderAfter = await order();
  for (const [i, unit] of orderAfter.entries()) {
    const shift = orderBefore.indexOf(unit) - i;
    const row = table.locator(`tr[data-unit="${unit}"]`);
    if (shift === 0) await expect(row).not.toHaveClass(/moved/);
    else await expect(row).toHaveAttribute("style", `--shift: ${shift}`);
  }

  // The police record an accident: the public figures move on their own.
  const police = await open(browser, 360, 780);
  await signIn(police, "cong-an-huyen");
  await police.goto("/tai-nan");
  await hydrated(police);
  await police.getByLabel("Xã, thị trấn nơi xảy ra").selectOption({ label: "Xã Phú Mỹ" });
  // Inside the demo campaign's months, so that it counts in its figures.
  await police.getByLabel("Ngày giờ xảy ra").fill("2024-12-10T07:30");
  await police.getByLabel("Số người chết").fill("0");
  await police.getByLabel("Số người bị thương").fill("1");
  const saved = police.waitForResponse((res) => res.url().includes("/api/accidents/add") && res.status() === 200);
  await police.getByRole("button", { name: "Lưu" }).click();
  await saved;
  await expect(accidents).not.toHaveText(accidentsBefore, { timeout: 1_000 });
  await phone.screenshot({ path: "test-results/live-public-360.png", fullPage: true });
  await expect(phone.locator(".stale-banner")).toBeHidden();
});

test("the screen says when the server is gone, keeps its data, and recovers when it is back", async ({ browser }) => {
  test.setTimeout(60_000);
  const ctl = process.env.E2E_CTL!;
  const tv = await open(browser, 1920, 1080);
  await tv.goto("/man-hinh/demo-phong-hop");
  await tv.goto("/man-hinh?xoay=3");
  await hydrated(tv);
  const figures = tv.locator("tr[data-measure]");
  await expect(figures).toHaveCount(6);
  // The panels take turns: the chart by month, who has reported, the honour roll, each block's ranking.
  await expect(tv.locator('[data-panel="chart"] svg')).toBeVisible({ timeout: 5_000 });
  await expect(tv.locator('[data-panel="figures"]')).toBeHidden();
  await tv.screenshot({ path: "test-results/live-chart-1920.png" });
  const grid = tv.locator('[data-panel="completeness"]');
  await expect(grid).toBeVisible({ timeout: 5_000 });
  const period = await grid.locator("h2").getAttribute("data-period");
  const [count] = await query(
    `SELECT COUNT(*)::int AS units,
            COUNT(*) FILTER (WHERE r.status = 'approved')::int AS approved,
            COUNT(*) FILTER (WHERE r.status IN ('submitted', 'resubmitted'))::int AS submitted
     FROM registrations g JOIN periods p ON p.campaign_id = g.campaign_id AND p.id = $1
     LEFT JOIN reports r ON r.unit_id = g.unit_id AND r.period_id = p.id
     WHERE g.status = 'confirmed'`,
    [period],
  );
  await expect(grid.locator(".unit-cells li")).toHaveCount(count.units);
  await expect(grid.locator(".unit-cells li.cell-approved")).toHaveCount(count.approved);
  await expect(grid.locator(".unit-cells li.cell-submitted")).toHaveCount(count.submitted);
  await tv.screenshot({ path: "test-results/live-completeness-1920.png" });
  const honour = tv.locator('[data-panel="honour"]');
  await expect(honour).toBeVisible({ timeout: 5_000 });
  // Signed awards come first (when a round is decided), then the newest
  // commendations, six entries at most and never fewer than two commendations.
  const awarded = await query(
    `SELECT f.name FROM award_proposals p
     JOIN award_rounds r ON r.period_id = p.period_id AND r.status = 'decided'
     JOIN award_decisions d ON d.round_id = r.id AND d.award_form_id = p.award_form_id
     JOIN award_forms f ON f.id = p.award_form_id
     WHERE p.status = 'approved' LIMIT 6`,
  );
  const room = Math.max(6 - awarded.length, 2);
  const latest = await query(
    `SELECT c.text FROM commendations c JOIN campaigns k ON k.id = c.campaign_id
     WHERE k.slug = 'ke-hoach-114-2024' ORDER BY c.published_at DESC, c.id DESC LIMIT $1`,
    [room],
  );
  const shownAwards = await honour.locator(".awarded .what").allTextContents();
  expect(shownAwards.sort()).toEqual(awarded.map((a) => a.name).sort());
  await expect(honour.locator(".honour-roll:not(.awarded) .what")).toHaveText(latest.map((c) => c.text));
  await tv.screenshot({ path: "test-results/live-honour-1920.png" });
  await expect(tv.locator('[data-panel="block-0"]')).toBeVisible({ timeout: 5_000 });
  await tv.screenshot({ path: "test-results/live-block-1920.png" });
  fs.writeFileSync(path.join(ctl, "paused"), "");
  process.kill(Number(fs.readFileSync(path.join(ctl, "pid"), "utf8")), "SIGKILL");
  await expect(tv.locator(".stale-banner")).toBeVisible({ timeout: 5_000 });
  await expect(figures).toHaveCount(6);
  await tv.screenshot({ path: "test-results/live-stale-1920.png" });
  fs.rmSync(path.join(ctl, "paused"));
  await expect(tv.locator(".stale-banner")).toHaveCount(0, { timeout: 20_000 });
  await expect(figures).toHaveCount(6);
  // Nothing on the screen scrolls, the banner included.
  const overflow = await tv.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
  expect(overflow).toBeLessThanOrEqual(0);
});
