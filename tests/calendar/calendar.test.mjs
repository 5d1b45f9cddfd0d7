// `recert calendar` read back by a real RFC 5545 parser (ical.js), not by our own reading of
// the format: one all-day event per deadline of the report on the report's dates, reminder
// events ahead of the due date and fee deadlines, stable UIDs, escaped and folded text, CRLF.
// ctest runs it with RECERT set to the binary it built.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ICAL from "ical.js";

const sourceDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const recert = process.env.RECERT ?? join(sourceDir, "build", "recert");
const examples = join(sourceDir, "programs", "examples");
const tmp = mkdtempSync(join(tmpdir(), "recert-calendar-"));

function run(command, log, asOf, ...more) {
  const r = spawnSync(recert, [command, "--log", log, "--as-of", asOf, "--programs", join(sourceDir, "programs"), ...more], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}
const report = (log, asOf) => JSON.parse(run("evaluate", log, asOf)).credentials[0];
function events(text) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents("vevent").map((v) => {
    const e = new ICAL.Event(v);
    return { uid: e.uid, summary: e.summary, description: e.description, start: e.startDate, end: e.endDate };
  });
}
// A log written from an example, with its credential changed.
function logWith(example, change) {
  const doc = JSON.parse(readFileSync(join(examples, example), "utf8"));
  change(doc.credentials[0]);
  const file = join(tmp, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}
const dayBefore = (iso, days) => new Date(Date.parse(iso) - days * 86400000).toISOString().slice(0, 10);

test("one all-day event per deadline of the report, on the report's dates", () => {
  const log = join(examples, "namss-cpcs.json");
  const want = report(log, "2026-11-01").deadlines;
  const got = events(run("calendar", log, "2026-11-01")).filter((e) => !/-\d+d@recert$/.test(e.uid));
  assert.equal(got.length, want.length);
  for (const [i, d] of want.entries()) {
    assert.equal(got[i].start.isDate, true, `${d.id} is an all-day event`);
    assert.equal(got[i].start.toString(), d.date);
    assert.equal(got[i].end.toString(), dayBefore(d.date, -1), "DTEND is the next day (exclusive)");
    assert.equal(got[i].summary, `CPCS (first renewal): ${d.label}`);
    assert.match(got[i].description, /Left: earn the credits still needed, submit the recertification application and pay the recertification fee\./);
  }
});

test("reminders 30 and 7 days before the due date and each fee deadline, never in the past", () => {
  const log = join(examples, "namss-cpcs.json");
  const reminders = (asOf) => events(run("calendar", log, asOf)).filter((e) => /-\d+d@recert$/.test(e.uid));
  const byDate = Object.fromEntries(report(log, "2026-11-01").deadlines.map((d) => [d.id, d.date]));
  // No extension requested: due (no late fee), the late fee's last day and the reinstatement's.
  const expected = (asOf) => ["due", "late_until", "grace_until"].flatMap((id) => [30, 7].map((n) => [id, n]))
    .filter(([id, n]) => dayBefore(byDate[id], n) >= asOf)
    .map(([id, n]) => `${dayBefore(byDate[id], n)} ${id}-${n}d`);
  const seen = (asOf) => reminders(asOf).map((e) => `${e.start.toString()} ${e.uid.replace(/^recert-c1-\d+-|@recert$/g, "")}`);
  assert.deepEqual(seen("2026-11-01").sort(), expected("2026-11-01").sort());
  assert.equal(seen("2026-11-01").length, 6);
  assert.deepEqual(seen("2026-11-25").sort(), expected("2026-11-25").sort());
  assert.equal(seen("2026-11-25").length, 4, "the due date's reminders are past on Nov 25");
  const due7 = reminders("2026-11-01").find((e) => e.uid.includes("-due-7d"));
  assert.equal(due7.summary, "CPCS (first renewal), in 7 days: Application and credits due without a late fee");
  assert.match(due7.description, /^In 7 days, on Dec 1, 2026: Application and credits due without a late fee\./);
  // An extension requested adds its fee's deadline.
  const extended = logWith("namss-cpcs.json", (c) => { c.options.extension_requested = true; });
  assert.ok(events(run("calendar", extended, "2026-11-01")).some((e) => e.uid.endsWith("-extension_until-30d@recert")));
});

test("UIDs are unique and stable: a later export updates the same events", () => {
  const log = join(examples, "namss-cpcs.json");
  const early = events(run("calendar", log, "2026-11-01")).map((e) => e.uid);
  const late = events(run("calendar", log, "2026-11-20")).map((e) => e.uid);
  assert.equal(new Set(early).size, early.length);
  const deadlines = (uids) => uids.filter((u) => !/-\d+d@recert$/.test(u));
  assert.deepEqual(deadlines(late), deadlines(early));
  // A new cycle (renewed through the old one's end) is new events, not a move of the old ones.
  const renewed = logWith("namss-cpcs.json", (c) => { c.renewed_through = "2026-12-01"; });
  const next = events(run("calendar", renewed, "2027-01-15")).map((e) => e.uid);
  assert.equal(next.filter((u) => early.includes(u)).length, 0);
});

test("text is escaped and folded at 75 octets without splitting a character; every line ends CRLF", () => {
  const label = "Zoë's CPCS; renewal, 2026 — notes \\ “quoted” ✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓✓";
  const log = logWith("namss-cpcs.json", (c) => { c.label = label; });
  const text = run("calendar", log, "2026-11-01");
  assert.ok(text.endsWith("\r\n"));
  const lines = text.slice(0, -2).split("\r\n");
  assert.ok(!lines.some((l) => l.includes("\n") || l.includes("\r")), "no bare LF or CR");
  for (const l of lines) assert.ok(Buffer.byteLength(l) <= 75, `${Buffer.byteLength(l)} octets: ${l}`);
  assert.ok(lines.some((l) => l.startsWith(" ")), "long lines are folded");
  for (const l of lines) assert.ok(!l.includes("\uFFFD") && Buffer.from(l).toString("utf8") === l, "each piece is whole UTF-8");
  const all = events(text);
  assert.ok(all.length > 0);
  for (const e of all) assert.ok(e.summary.startsWith(`${label}: `) || e.summary.startsWith(`${label}, in `), e.summary);
});

test("an open step is what the event says to do; a credential without a certification date gets no events", () => {
  const dmec = join(examples, "dmec-clms.json");
  const r = report(dmec, "2026-11-01");
  const text = run("calendar", dmec, "2026-11-01");
  const all = events(text);
  assert.equal(all.filter((e) => !/-\d+d@recert$/.test(e.uid)).length, r.deadlines.length);
  for (const e of all) assert.match(e.description, /pass the recertification exam/);
  const passed = logWith("dmec-clms.json", (c) => { c.steps = { exam: "2026-10-01" }; });
  for (const e of events(run("calendar", passed, "2026-11-01"))) assert.doesNotMatch(e.description, /pass the recertification exam/);
  const undated = logWith("dmec-clms.json", (c) => { delete c.certified_on; });
  const res = spawnSync(recert, ["calendar", "--log", undated, "--as-of", "2026-11-01", "--programs", join(sourceDir, "programs")], { encoding: "utf8" });
  assert.equal(res.status, 1, "like evaluate, the CLI says the credential cannot be evaluated");
  assert.match(res.stderr, /credentials\/0/);
  assert.equal(events(res.stdout).length, 0);
});
