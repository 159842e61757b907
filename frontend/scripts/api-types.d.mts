export declare const OPENAPI_JSON: URL;
export declare const SCHEMA_DTS: URL;
export declare function renderSchema(openapiJson: string): Promise<string>;
