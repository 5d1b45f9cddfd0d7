// programs/schema.json and the C++ reader (`recert validate`) judge the same program files
// alike: every shipped program and each case of corpus.mjs is written to a file, given to
// both, and any disagreement fails, naming the file. ctest runs it with RECERT set to the
// binary it built and CORPUS_DIR to a folder in the build tree, where the files stay to be
// looked at.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { validate, describe, fieldPointers, programsDir, sourceDir } from "./schema.mjs";
import { cases } from "./corpus.mjs";

const recert = process.env.RECERT ?? join(sourceDir, "build", "recert");
const corpusDir = process.env.CORPUS_DIR ?? join(sourceDir, "build", "program-corpus");

rmSync(corpusDir, { recursive: true, force: true });
// The shipped programs, and the example programs/README.md walks through.
const example = "template/example-ces.json";
const shipped = [...readdirSync(programsDir).filter((f) => f.endsWith(".json") && f !== "schema.json").sort(), example];

// A case's file: the changed base, named after its id as recert validate requires.
const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
function write(index, c) {
  const base = JSON.parse(readFileSync(join(programsDir, c.base), "utf8"));
  const out = c.change ? c.change(base) : undefined;
  const text = typeof out === "string" ? out : out?.text ?? JSON.stringify(base, null, 2);
  let name = out?.file;
  if (!name) {
    let id;
    try { id = JSON.parse(text).id; } catch { /* the reader names the syntax error */ }
    name = typeof id === "string" && /^[^/\0]+$/.test(id) && id !== "." && id !== ".." ? `${id}.json` : "program.json";
  }
  const dir = join(corpusDir, c.expect, `${String(index).padStart(3, "0")}-${slug(c.what)}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  writeFileSync(file, text);
  return { file, text };
}

// Every file goes to one run of recert validate, which says "FILE: ok (program)" on stdout or
// "FILE: POINTER: what" on stderr for each.
function readerVerdicts(files) {
  if (!existsSync(recert)) return null;
  const run = spawnSync(recert, ["validate", ...files], { encoding: "utf8", maxBuffer: 64 << 20 });
  if (run.error) throw run.error;
  const out = new Map(files.map((f) => [f, { ok: false, lines: [] }]));
  for (const [stream, lines] of [["out", run.stdout], ["err", run.stderr]])
    for (const line of lines.split("\n")) {
      const at = line.indexOf(": ");
      const v = out.get(line.slice(0, at));
      if (!v) continue;
      v.lines.push(line.slice(at + 2));
      // A program file is accepted only as a program: one with a broken format reads as a log.
      if (stream === "out" && line.slice(at + 2) === "ok (program)") v.ok = true;
    }
  return out;
}

function judge(file, text, reader) {
  assert.ok(reader, `no recert binary at ${recert}: run scripts/build (or set RECERT)`);
  let doc, parsed = true;
  try { doc = JSON.parse(text); } catch { parsed = false; }
  const schemaOk = parsed && validate(doc);
  const schemaErrors = schemaOk || !parsed ? [] : [...validate.errors];
  const { ok: readerOk, lines } = reader.get(file);
  const readerPointers = lines.map((l) => l.match(/^(\/[^:]*|line \d+, column \d+):/)?.[1]).filter(Boolean);
  const shown = relative(sourceDir, file);
  const verdicts = `the schema ${schemaOk ? "accepts" : "rejects"} it, recert validate ${readerOk ? "accepts" : "rejects"} it` +
    `\n  schema:\n    ${describe(schemaErrors).replaceAll("\n", "\n    ")}\n  recert validate:\n    ${lines.join("\n    ")}`;
  return { schemaOk, readerOk, schemaPointers: fieldPointers(schemaErrors), readerPointers, shown, verdicts };
}

const written = cases.map((c, i) => write(i, c));
const shippedFiles = shipped.map((f) => join(programsDir, f));
const reader = readerVerdicts([...shippedFiles, ...written.map((w) => w.file)]);

test(`programs/README.md's worked example is ${example}, byte for byte`, () => {
  const readme = readFileSync(join(programsDir, "README.md"), "utf8");
  const at = readme.indexOf("## A complete example");
  assert.ok(at >= 0, "programs/README.md has no section \"A complete example\"");
  const block = readme.slice(at).match(/```json\n([\s\S]*?)```/);
  assert.ok(block, "the section has no ```json block");
  assert.equal(block[1], readFileSync(join(programsDir, example), "utf8"));
});

for (const file of shipped) {
  test(`valid: ${file}`, () => {
    const j = judge(join(programsDir, file), readFileSync(join(programsDir, file), "utf8"), reader);
    assert.ok(j.schemaOk && j.readerOk, `${j.shown}: ${j.verdicts}`);
  });
}

cases.forEach((c, i) => {
  test(`${c.expect}: ${c.what} (from ${c.base})`, () => {
    const { file, text } = written[i];
    const j = judge(file, text, reader);
    const at = typeof c.at === "string" ? { schema: c.at, reader: c.at } : c.at;
    if (c.expect === "valid") {
      assert.ok(j.schemaOk && j.readerOk, `${j.shown} should be valid: ${j.verdicts}`);
    } else if (c.expect === "invalid") {
      assert.ok(!j.schemaOk && !j.readerOk, `${j.shown} should be invalid: ${j.verdicts}`);
      assert.ok(j.schemaPointers.includes(at.schema), `${j.shown}: the schema names no error at ${at.schema}: ${j.verdicts}`);
      assert.ok(j.readerPointers.includes(at.reader), `${j.shown}: recert validate names no error at ${at.reader}: ${j.verdicts}`);
    } else {
      // Only the reader can tell; if the schema learns to, the case belongs with the invalid ones.
      assert.ok(j.schemaOk && !j.readerOk, `${j.shown} (${c.why}): expected only recert validate to refuse it: ${j.verdicts}`);
      assert.ok(j.readerPointers.includes(at.reader), `${j.shown}: recert validate names no error at ${at.reader}: ${j.verdicts}`);
    }
  });
});
