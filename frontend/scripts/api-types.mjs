// Writes src/api/schema.d.ts from src/api/openapi.json with openapi-typescript (run by
// `make api-types`, after infra/api_types.py has written openapi.json). src/api/schema.test.ts
// renders the same way and fails when the checked-in schema.d.ts differs.
import { readFile, writeFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";

export const OPENAPI_JSON = new URL("../src/api/openapi.json", import.meta.url);
export const SCHEMA_DTS = new URL("../src/api/schema.d.ts", import.meta.url);

const HEADER = "// Generated from openapi.json by `make api-types` (openapi-typescript). Do not edit.\n\n";

/** The TypeScript declarations of an OpenAPI document given as JSON text. */
export async function renderSchema(openapiJson) {
  return HEADER + astToString(await openapiTS(JSON.parse(openapiJson)));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await writeFile(SCHEMA_DTS, await renderSchema(await readFile(OPENAPI_JSON, "utf8")));
}
