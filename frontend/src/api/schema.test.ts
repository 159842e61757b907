// @vitest-environment node
// schema.d.ts must be what openapi-typescript makes of the checked-in openapi.json (itself
// checked against the API by tests/test_api_types.py). Run `make api-types` to regenerate.
import { readFile } from "node:fs/promises";
import { OPENAPI_JSON, SCHEMA_DTS, renderSchema } from "../../scripts/api-types.mjs";

test("schema.d.ts is generated from openapi.json (run `make api-types`)", async () => {
  const expected = await renderSchema(await readFile(OPENAPI_JSON, "utf8"));
  expect(await readFile(SCHEMA_DTS, "utf8"), "run `make api-types`").toBe(expected);
});
