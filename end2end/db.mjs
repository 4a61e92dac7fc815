// Creates or drops the end2end test's PostgreSQL database: node db.mjs create|drop NAME
import pg from "pg";
const [cmd, name] = process.argv.slice(2);
if (!/^[a-z0-9_]+$/.test(name || "")) throw new Error("bad database name");
const client = new pg.Client({ connectionString: process.env.PG_ADMIN_URL || "postgres://postgres@127.0.0.1:5432/test" });
await client.connect();
if (cmd === "create") await client.query(`CREATE DATABASE ${name}`);
else if (cmd === "drop") await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await client.end();
