// programs/schema.json compiled the way every test uses it, and Ajv's errors as JSON pointers.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";

export const sourceDir = fileURLToPath(new URL("../../", import.meta.url));
export const programsDir = join(sourceDir, "programs");
export const readProgram = (file) => JSON.parse(readFileSync(join(programsDir, file), "utf8"));
export const schema = readProgram("schema.json");

// Strict mode, and any warning Ajv would print about the schema fails the test.
// strictRequired is off: it flags every "required" inside if/then whose properties
// are declared on the enclosing object, which is how the schema ties fields to a type.
const fail = (msg) => { throw new Error(`Ajv warning: ${msg}`); };
export const ajv = new Ajv2020({
  allErrors: true, strict: true, strictRequired: false,
  logger: { log() {}, warn: fail, error: fail },
});
export const validate = ajv.compile(schema);

export const describe = (errors) =>
  ajv.errorsText(errors, { separator: "\n", dataVar: "" }) || "(no errors)";

// The pointer of the field each error is about, as the C++ reader names it: Ajv puts a
// missing, unknown or badly named field at its parent object.
const escape = (key) => String(key).replaceAll("~", "~0").replaceAll("/", "~1");
export const fieldPointers = (errors) =>
  (errors ?? []).map((e) => {
    const key = e.params?.missingProperty ?? e.params?.additionalProperty ?? e.params?.propertyName;
    return key === undefined ? e.instancePath : `${e.instancePath}/${escape(key)}`;
  });
