import { test, expect, Browser } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { query } from "./db";
import { hydrated } from "./hydrated";
import { signIn } from "./session";

async function open(browser: Browser, width: number, height: number) {
  const context = await browser.newContext({ viewport: { width, height } });
  return context.newPage();
}

test("the final review: proposals, the council's votes, publication, an objection answered, the decision, the honour roll", async ({ browser }) => {
  test.setTimeout(120_000);
  const [review] = await query(
    `SELECT p.id FROM periods p JOIN campaigns c ON c.id = p.campaign_id
     WHERE c.slug = 'ke-hoach-114-2024' AND p.kind = 'final'`,
  );

  // The standing office makes the list from the published ranking.
  const office = await open(browser, 1366, 768);
  await signIn(office, "thuongtruc");
  await office.goto("/khen-thuong");
  await hydrated(office);
  await office.getByRole("button", { name: "Lập danh sách đề nghị theo kết quả xếp hạng" }).click();
  await expect(office.locator(".notice.ok")).toContainText("đề nghị theo quy định");
  const [made] = await query(
    "SELECT COUNT(*)::int AS n FROM award_proposals WHERE period_id = $1 AND source = 'rule'",
    [review.id],
  );
  expect(made.n).toBeGreaterThan(1);
  const rows = office.locator("table.proposals tr[data-proposal]");
  await expect(rows).toHaveCount(made.n);
  // One is taken off the list, with the reason.
  const last = rows.last();
  const removedId = await last.getAttribute("data-proposal");
  const removeForm = office.locator("tr.proposal-actions form").last();
  await removeForm.getByLabel("Lý do đưa ra khỏi danh sách").fill("Đơn vị đã được khen thưởng cùng nội dung trong năm");
  await removeForm.getByRole("button", { name: "Đưa ra khỏi danh sách" }).click();
  await expect(office.locator(`tr[data-proposal="${removedId}"]`)).toHaveAttribute("data-status", "removed");
  const axe = await new AxeBuilder({ page: office }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`)).toEqual([]);
  await office.screenshot({ path: "test-results/awards-proposing-1366.png", fullPage: true });
  await office.getByRole("button", { name: "Chuyển Hội đồng biểu quyết" }).click();
  await expect(office.locator('.steps li[aria-current="step"]')).toHaveAttribute("data-step", "voting");

  // The council records each proposal's votes.
  const council = await open(browser, 1366, 768);
  await signIn(council, "hoidong");
  await council.goto("/khen-thuong");
  await hydrated(council);
  const forms = council.locator("form.vote-form");
  await expect(forms).toHaveCount(made.n - 1);
  const toVote = await query(
    "SELECT id FROM award_proposals WHERE period_id = $1 AND status = 'proposed' ORDER BY id",
    [review.id],
  );
  expect(toVote.length).toBe(made.n - 1);
  for (const { id } of toVote) {
    const form = council.locator(`form.vote-form:has(input[name="proposal_id"][value="${id}"])`);
    await form.getByLabel("Tán thành", { exact: true }).fill("6");
    await form.getByLabel("Không tán thành", { exact: true }).fill("1");
    await form.getByLabel("Không biểu quyết", { exact: true }).fill("0");
    await form.getByLabel("Thành viên có mặt", { exact: true }).fill("7");
    await form.getByRole("button", { name: "Ghi kết quả biểu quyết" }).click();
    await expect(council.locator(`tr[data-proposal="${id}"]`)).toHaveAttribute("data-status", "approved");
    await expect(council.locator(`tr[data-proposal="${id}"] td.votes`)).toHaveText("6/1/0 — 7");
  }
  await council.screenshot({ path: "test-results/awards-voted-1366.png", fullPage: true });

  // The office publishes the approved list.
  await office.reload();
  await hydrated(office);
  await office.getByRole("button", { name: "Công khai danh sách được thông qua" }).click();
  await expect(office.locator('.steps li[aria-current="step"]')).toHaveAttribute("data-step", "published");
  await expect(office.locator("[data-published]")).toContainText("ngày làm việc");

  // A resident objects from the public page on a phone, without JavaScript.
  const resident = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 780 } });
  const pub = await resident.newPage();
  await pub.goto("/");
  const list = pub.locator("#khen-thuong .award-entries li");
  await expect(list).toHaveCount(made.n - 1);
  await expect(pub.locator(`#khen-thuong li[data-proposal="${removedId}"]`)).toHaveCount(0);
  await pub.getByLabel("Họ và tên người phản ánh").fill("Trần Thị Bình");
  await pub.getByLabel("Số điện thoại hoặc địa chỉ liên hệ").fill("0912 345 678");
  await pub.getByLabel("Nội dung phản ánh").fill("Đơn vị để xảy ra vi phạm nồng độ cồn của cán bộ trong tháng 11.");
  await pub.getByRole("button", { name: "Gửi ý kiến" }).click();
  await expect(pub).toHaveURL(/\?phan-anh=da-gui#khen-thuong$/);
  await expect(pub.locator("#khen-thuong .notice.ok")).toContainText("Đã nhận ý kiến phản ánh");
  await pub.screenshot({ path: "test-results/awards-objection-360.png", fullPage: true });
  const [objection] = await query("SELECT id, name FROM objections ORDER BY id DESC LIMIT 1");
  expect(objection.name).toBe("Trần Thị Bình");

  // The office answers it; the answer is public.
  await office.reload();
  await hydrated(office);
  const answerForm = office.locator(`li[data-objection="${objection.id}"] form`);
  await answerForm.getByLabel("Trả lời").fill("Đã xác minh: vi phạm của cá nhân, đã xử lý; không ảnh hưởng kết quả của đơn vị.");
  await answerForm.getByRole("button", { name: "Gửi trả lời" }).click();
  await expect(office.locator(`li[data-objection="${objection.id}"] .answer`)).toContainText("Đã xác minh");

  // The law's window is working days long; the test moves the publication back
  // rather than wait, then the office records the decision on each award form.
  await query("UPDATE award_rounds SET published_on = published_on - 14 WHERE period_id = $1", [review.id]);
  await office.reload();
  await hydrated(office);
  const approvedForms = await query(
    `SELECT DISTINCT f.id, f.name FROM award_proposals p JOIN award_forms f ON f.id = p.award_form_id
     WHERE p.period_id = $1 AND p.status = 'approved'`,
    [review.id],
  );
  const today = new Date().toLocaleDateString("sv-SE", { timeZone: "Asia/Ho_Chi_Minh" });
  for (const [i, f] of approvedForms.entries()) {
    const decide = office.locator("form.decide-form");
    await decide.getByLabel("Hình thức khen thưởng").selectOption(String(f.id));
    await decide.getByLabel("Số quyết định").fill(`${125 + i}/QĐ-UBND`);
    await decide.getByLabel("Ngày ký").fill(today);
    await decide.getByRole("button", { name: "Ghi quyết định" }).click();
    await expect
      .poll(async () => (await query("SELECT COUNT(*)::int AS n FROM award_decisions WHERE award_form_id = $1", [f.id]))[0].n)
      .toBe(1);
  }
  await expect(office.locator('.steps li[aria-current="step"]')).toHaveAttribute("data-step", "decided");
  await office.screenshot({ path: "test-results/awards-decided-1366.png", fullPage: true });

  // The honour roll on the public page shows the decision and the answer.
  await pub.goto("/");
  await expect(pub.locator("#khen-thuong .decision").first()).toContainText("Quyết định số 125/QĐ-UBND");
  await expect(pub.locator("#khen-thuong .objection .answer")).toContainText("Đã xác minh");
  await expect(pub.locator("#khen-thuong")).not.toContainText("Trần Thị Bình");
  await expect(pub.locator("form.objection-form")).toHaveCount(0);
  await pub.screenshot({ path: "test-results/awards-public-360.png", fullPage: true });
  // The meeting-room screen's honour panel names the decided awards first.
  const tv = await open(browser, 1920, 1080);
  await tv.goto("/man-hinh/demo-phong-hop");
  await tv.goto("/man-hinh?xoay=3");
  const honour = tv.locator('[data-panel="honour"]');
  await expect(honour).toBeVisible({ timeout: 30_000 });
  const [approved] = await query(
    "SELECT COUNT(*)::int AS n FROM award_proposals WHERE period_id = $1 AND status = 'approved'",
    [review.id],
  );
  await expect(honour.locator(".awarded li")).toHaveCount(Math.min(approved.n, 6));
  await expect(honour.locator(".awarded .when").first()).toContainText(/Quyết định số 12\d\/QĐ-UBND ngày \d\d\/\d\d\/\d{4}/);
  await tv.screenshot({ path: "test-results/awards-honour-1920.png" });
  await tv.context().close();
  // Every step of the round is in the audit trail.
  const steps = await query("SELECT DISTINCT action FROM audit_log WHERE action LIKE 'award%' ORDER BY action");
  expect(steps.map((s) => s.action)).toEqual(expect.arrayContaining([
    "award_decided", "award_list_published", "award_objection_answered", "award_objection_filed",
    "award_proposal_removed", "award_proposals_made", "award_votes_recorded", "award_voting_opened",
  ]));

  // The list to hand on: XLSX from the page, and the A4 print version.
  await office.goto("/khen-thuong");
  await hydrated(office);
  const download = office.waitForEvent("download");
  await office.getByRole("link", { name: "XLSX" }).click();
  expect((await download).suggestedFilename()).toBe("khen-thuong.xlsx");
  await office.getByRole("link", { name: "Bản in A4" }).click();
  await expect(office).toHaveURL(new RegExp(`/in/de-nghi-khen-thuong\\?ky=${review.id}$`));
  await hydrated(office);
  await office.getByLabel("Số văn bản").fill("15");
  await office.getByLabel("Địa danh").fill("Mỹ Tú");
  await expect(office.locator(".doc-number")).toHaveText("Số: 15/TTr-BATGT");
  await expect(office.locator(".place-date")).toContainText("Mỹ Tú, ngày");
  await expect(office.locator(".nation")).toHaveText("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  await expect(office.locator(".doc-table tbody tr")).toHaveCount(made.n - 1);
  await office.emulateMedia({ media: "print" });
  await office.pdf({ path: "test-results/de-nghi-khen-thuong.pdf", format: "A4" });
});
