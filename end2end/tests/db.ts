// Reads the test database directly, so that pages are checked against SQL
// written here, not against the server's own code.
import pg from "pg";

export async function query<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.PG_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export type Figures = Record<string, { current: number; baseline: number }>;

/** The demo campaign's figures so far against cùng kỳ, from the tables. */
export async function expectedFigures(slug = "ke-hoach-114-2024"): Promise<Figures> {
  const [c] = await query(
    "SELECT id, committee_id, baseline_year, EXTRACT(YEAR FROM starts_on)::int AS start_year, serious_deaths_threshold FROM campaigns WHERE slug = $1",
    [slug],
  );
  const months = await query(
    `SELECT year, month, starts_on::text AS starts_on, ends_on::text AS ends_on FROM periods
     WHERE campaign_id = $1 AND kind = 'monthly' AND starts_on <= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`,
    [c.id],
  );
  const from = months.map((m) => m.starts_on).sort()[0];
  const today = (await query("SELECT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date::text AS d"))[0].d;
  const lastEnd = months.map((m) => m.ends_on).sort().reverse()[0];
  const to = lastEnd < today ? lastEnd : today;
  const [cur] = await query(
    `SELECT count(*)::int AS accidents, coalesce(sum(deaths),0)::int AS deaths, coalesce(sum(injuries),0)::int AS injuries,
            coalesce(sum(drink_driving::int),0)::int AS drink_driving, coalesce(sum(commercial_car::int),0)::int AS commercial_car,
            coalesce(sum(CASE WHEN marked_serious OR deaths >= $4 THEN 1 ELSE 0 END),0)::int AS particularly_serious
     FROM accidents WHERE committee_id = $1 AND deleted_at IS NULL
       AND (occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN $2::date AND $3::date`,
    [c.committee_id, from, to, c.serious_deaths_threshold],
  );
  const yearsBack = c.start_year - c.baseline_year;
  const pairs = months.map((m) => `${m.year - yearsBack}-${m.month}`);
  const [base] = await query(
    `SELECT coalesce(sum(accidents),0)::int AS accidents, coalesce(sum(deaths),0)::int AS deaths, coalesce(sum(injuries),0)::int AS injuries,
            coalesce(sum(drink_driving),0)::int AS drink_driving, coalesce(sum(commercial_car),0)::int AS commercial_car,
            coalesce(sum(particularly_serious),0)::int AS particularly_serious
     FROM baselines WHERE committee_id = $1 AND (year::text || '-' || month::text) = ANY($2)`,
    [c.committee_id, pairs],
  );
  const out: Figures = {};
  for (const k of Object.keys(cur)) out[k] = { current: cur[k], baseline: base[k] };
  return out;
}

export type OnTime = { due: number; on_time: number; late: number };

/** Reports already due (the period's deadline or the unit's latest extension
 *  has passed) of the campaign's confirmed units, and how many came in by it. */
export async function onTimeShare(slug: string): Promise<OnTime> {
  const [s] = await query(
    `WITH cells AS (
       SELECT GREATEST(p.deadline, COALESCE(
                (SELECT max(e.new_deadline) FROM extensions e WHERE e.unit_id = g.unit_id AND e.period_id = p.id),
                p.deadline)) AS deadline,
              r.submitted_at
       FROM registrations g
       JOIN campaigns c ON c.id = g.campaign_id AND c.slug = $1
       JOIN periods p ON p.campaign_id = g.campaign_id AND p.kind = 'monthly'
       LEFT JOIN reports r ON r.unit_id = g.unit_id AND r.period_id = p.id
       WHERE g.status = 'confirmed')
     SELECT count(*) FILTER (WHERE deadline < now())::int AS due,
            count(*) FILTER (WHERE deadline < now() AND submitted_at <= deadline)::int AS on_time,
            count(*) FILTER (WHERE deadline < now() AND submitted_at > deadline)::int AS late
     FROM cells`,
    [slug],
  );
  return s;
}
