// Validates every program file in programs/ against programs/schema.json,
// and checks that broken copies are rejected with an error naming the path.
// Run: node --test tests/web/
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { basename } from "node:path";
import { schema, validate, describe, programsDir, readProgram as readJson } from "../programs/schema.mjs";

const programFiles = readdirSync(programsDir)
  .filter((f) => f.endsWith(".json") && f !== "schema.json")
  .sort();

test("the schema is draft 2020-12 with an $id", () => {
  assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
  assert.match(schema.$id, /^https:\/\//);
});

test("programs/ holds the eight shipped program files", () => {
  for (const f of ["namss-cpcs.json", "namss-cpmsm.json", "namss-dual.json", "dmec-clms.json",
                   "ala-clm-application.json", "ala-clm-recert.json", "pmi-pmp.json", "asha-ccc.json"])
    assert.ok(programFiles.includes(f), `${f} is missing from programs/`);
});

for (const file of programFiles) {
  test(`${file} matches the schema`, () => {
    const program = readJson(file);
    const ok = validate(program);
    assert.ok(ok, `${file}:\n${describe(validate.errors)}`);
  });

  test(`${file}: id is the file name and every cite names a listed source`, () => {
    const program = readJson(file);
    assert.equal(program.id, basename(file, ".json"));
    const cites = [];
    const walk = (node, path) => {
      if (Array.isArray(node)) node.forEach((v, i) => walk(v, `${path}/${i}`));
      else if (node && typeof node === "object") {
        if (node.cite) cites.push([path, node.cite.source]);
        for (const [k, v] of Object.entries(node)) if (k !== "cite") walk(v, `${path}/${k}`);
      }
    };
    walk(program, "");
    assert.ok(cites.length > 0, "no cite at all");
    for (const [path, source] of cites)
      assert.ok(Object.hasOwn(program.sources, source), `${path}/cite/source "${source}" is not in sources`);
  });
}

// The three NAMSS files are whole copies on purpose (each file stands alone: it is validated,
// loaded and copied by itself), so a rule changed in one must change in all: the FAQ states
// the same calendar, phases and fees for every certificant, and differs only where listed here.
test("the three NAMSS files state the rules they share identically", () => {
  const [cpcs, cpmsm, dual] = ["namss-cpcs.json", "namss-cpmsm.json", "namss-dual.json"].map(readJson);
  const shared = (program) => {
    const p = structuredClone(program);
    for (const k of ["id", "name", "credential", "description", "requirements"]) delete p[k];
    p.options = p.options.filter((o) => o.id !== "first_dual_renewal");
    delete p.phases.find((ph) => ph.id === "extension").needs.interpretation;  // half of 30, or of 45
    return p;
  };
  assert.deepEqual(shared(cpmsm), shared(cpcs));
  assert.deepEqual(shared(dual), shared(cpcs));
  // Single certificants: the same minimums (CPMSM's row reads "CPCSM" in the FAQ, hence its quote).
  const minimums = (p) => p.requirements.map(({ id, name, min, eligible }) => ({ id, name, min, eligible }));
  assert.deepEqual(minimums(cpmsm), minimums(cpcs));
  assert.deepEqual(dual.requirements.map((r) => r.id), cpcs.requirements.map((r) => r.id));
});

// Each case breaks a fresh copy of the exemplar and names the path the error must point at.
const exemplar = () => structuredClone(readJson("namss-cpcs.json"));
const broken = [
  ["a rule without cite", "/cycle", (p) => { delete p.cycle.cite; }],
  ["a cite without quote", "/requirements/0/cite", (p) => { delete p.requirements[0].cite.quote; }],
  ["an unknown cycle type", "/cycle/type", (p) => { p.cycle.type = "yearly"; }],
  ["a month out of range", "/cycle/end_month", (p) => { p.cycle.end_month = 13; }],
  ["a day the month does not have", "/dates/window_opens/day", (p) => { p.dates.window_opens.day = 31; p.dates.window_opens.month = 9; }],
  ["a min with three decimals", "/requirements/0/min", (p) => { p.requirements[0].min = "30.125"; }],
  ["a min written as a number", "/requirements/1/min", (p) => { p.requirements[1].min = 15; }],
  ["an amount that is not a decimal", "/fees/0/amount", (p) => { p.fees[0].amount = "$50"; }],
  ["an unknown field on a requirement", "/requirements/0", (p) => { p.requirements[0].minimum = "30"; }],
  ["an unknown activity kind", "/fees/0/kinds_any/0", (p) => { p.fees[0] = { id: "processing", per_credit: "25", kinds_any: ["blog"], label: "x", cite: p.fees[0].cite }; }],
  ["an unknown phase id", "/phases/0/id", (p) => { p.phases[0].id = "open"; }],
  ["a phase with both from and after", "/phases/0", (p) => { p.phases[0].after = "due"; }],
  ["a condition with set: false", "/phases/1/when", (p) => { p.phases[1].when = { option: "extension_requested", set: false }; }],
  ["a phase needing 0 percent", "/phases/1/needs/percent", (p) => { p.phases[1].needs.percent = 0; }],
  ["a phase's needs without a date", "/phases/1/needs", (p) => { delete p.phases[1].needs.by; }],
  ["counts_activities written as true", "/phases/1/counts_activities", (p) => { p.phases[1].counts_activities = true; }],
  ["counts_activities without cite", "/phases/1/counts_activities", (p) => { delete p.phases[1].counts_activities.cite; }],
  ["an id with a space", "/id", (p) => { p.id = "namss cpcs"; }],
  ["a fee with both amount and per_credit", "/fees/0", (p) => { p.fees[0].per_credit = "25"; }],
  ["a look-back cycle with dates", "/dates", (p) => { p.cycle = { type: "lookback", months: 24, cite: p.cycle.cite }; }],
];

for (const [what, path, breakIt] of broken) {
  test(`rejects ${what} at ${path}`, () => {
    const program = exemplar();
    assert.ok(validate(program), "the exemplar itself must be valid");
    breakIt(program);
    assert.equal(validate(program), false, `${what} was accepted`);
    const paths = validate.errors.map((e) => e.instancePath);
    assert.ok(paths.includes(path), `no error at ${path}; errors:\n${describe(validate.errors)}`);
    assert.ok(describe(validate.errors).includes(path), "the error text names the path");
  });
}

// The limits on a program file: the C++ parser's constants (src/core/program.h) and the
// schema's maxItems / maxProperties must say the same, and the schema must accept a file at
// each limit and refuse one past it, at the list's path.
const header = readFileSync(fileURLToPath(new URL("../../src/core/program.h", import.meta.url)), "utf8");
const cppLimit = (name) => {
  const m = header.match(new RegExp(`constexpr std::size_t ${name} = ([0-9']+);`));
  assert.ok(m, `${name} is not in src/core/program.h`);
  return Number(m[1].replaceAll("'", ""));
};
const numbered = (model, n) => Array.from({ length: n }, (_, i) => ({ ...structuredClone(model), id: `x${i}` }));
const topicList = (n) => numbered({ name: "Topic" }, n);
const limits = [
  // [C++ constant, path of the list, where the schema says it, makes the exemplar hold n]
  ["max_requirements", "/requirements", (s) => s.properties.requirements.maxItems,
    (p, n) => { p.requirements = numbered(p.requirements[0], n); }],
  ["max_topics", "/topics", (s) => s.properties.topics.maxItems, (p, n) => { p.topics = topicList(n); }],
  ["max_topics", "/requirements/0/eligible/topics_any",
    (s) => s.$defs.requirement.properties.eligible.properties.topics_any.maxItems,
    (p, n) => { p.requirements[0].eligible = { topics_any: Array.from({ length: n }, (_, i) => `t${i}`) }; }],
  ["max_options", "/options", (s) => s.properties.options.maxItems,
    (p, n) => { p.options = [p.options[0], ...numbered(p.options[0], n - 1)]; }],
  ["max_topics", "/options/1/choices", (s) => s.$defs.option.properties.choices.maxItems,
    (p, n) => { p.options.push({ id: "area", type: "choice", label: "Area", choices: Array.from({ length: n }, (_, i) => `t${i}`) }); }],
  ["max_conditions", "/requirements/0/min_when", (s) => s.$defs.requirement.properties.min_when.maxItems,
    (p, n) => { p.requirements[0].min_when = Array.from({ length: n }, () => ({ when: { option: "extension_requested", equals: true }, min: "1" })); }],
  ["max_dates", "/dates", (s) => s.properties.dates.maxProperties,
    (p, n) => { for (let i = Object.keys(p.dates).length; i < n; ++i) p.dates[`x${i}`] = p.dates.due; }],
  ["max_phases", "/phases", (s) => s.properties.phases.maxItems,
    (p, n) => { while (p.phases.length < n) p.phases.push(structuredClone(p.phases[0])); }],
  ["max_fees", "/fees", (s) => s.properties.fees.maxItems,
    (p, n) => { p.fees.push(...numbered(p.fees[0], n - p.fees.length)); }],
  ["max_steps", "/steps", (s) => s.properties.steps.maxItems,
    (p, n) => { p.steps = numbered({ name: "Step", cite: p.cycle.cite }, n); }],
  ["max_evidence", "/evidence", (s) => s.properties.evidence.maxItems,
    (p, n) => { p.evidence = numbered({ name: "certificate", needs: "certificate", cite: p.cycle.cite }, n); }],
  ["max_caps", "/caps", (s) => s.properties.caps.maxItems,
    (p, n) => { p.caps = numbered({ name: "Cap", max: "4", kinds_any: ["article"], cite: p.cycle.cite }, n); }],
  ["max_sources", "/sources", (s) => s.properties.sources.maxProperties,
    (p, n) => { for (let i = Object.keys(p.sources).length; i < n; ++i) p.sources[`x${i}`] = { title: "Another page" }; }],
  ["max_kinds", "/caps/0/kinds_any", (s) => s.$defs.kinds.maxItems,
    (p, n) => { p.caps = [{ id: "c", name: "Cap", max: "4", kinds_any: schema.$defs.kind.enum.slice(0, n), cite: p.cycle.cite }]; }],
];

for (const [name, path, stated, fill] of limits) {
  test(`the schema's limit at ${path} is ${name} of src/core/program.h; one more is refused there`, () => {
    const limit = cppLimit(name);
    assert.equal(stated(schema), limit, `the schema says ${stated(schema)} at ${path}, the parser ${limit}`);
    const at = exemplar();
    fill(at, limit);
    assert.ok(validate(at), `a file at the limit was refused:\n${describe(validate.errors)}`);
    const over = exemplar();
    // One more kind than there are: the list repeats one, as a longer list must.
    if (name === "max_kinds") { fill(over, limit); over.caps[0].kinds_any.push("article"); } else fill(over, limit + 1);
    assert.equal(validate(over), false, `${limit + 1} at ${path} was accepted`);
    assert.ok(validate.errors.some((e) => e.instancePath === path && (e.keyword === "maxItems" || e.keyword === "maxProperties")),
      `no maxItems / maxProperties error at ${path}; errors:\n${describe(validate.errors)}`);
  });
}

test("kinds_any cannot list more kinds than there are", () => {
  assert.equal(schema.$defs.kind.enum.length, cppLimit("max_kinds"));
});
