/**
 * The JSON shapes this package writes: the parts of Postman's Collection Format v2.1 and of
 * its environment export that smskit fills in. Plain data, ready for `JSON.stringify`.
 */

/** The `info.schema` URL that tells Postman (and newman) the file is Collection v2.1. */
export const COLLECTION_SCHEMA_V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** A Markdown description, as Postman renders it in the documentation pane. */
export interface PostmanDescription {
  /** The Markdown text. */
  content: string;
  /** Always `text/markdown`. */
  type: string;
}

/** A script that Postman runs before a request (`prerequest`) or after its response (`test`). */
export interface PostmanEvent {
  /** When it runs. */
  listen: 'prerequest' | 'test';
  /** The script. */
  script: {
    /** A stable id. */
    id: string;
    /** Always `text/javascript`. */
    type: string;
    /** The source, one line per entry. */
    exec: string[];
  };
}

/** A collection variable (a default that an environment overrides). */
export interface PostmanVariable {
  /** The name used as `{{key}}`. */
  key: string;
  /** The value. */
  value: string;
  /** Postman's variable type. */
  type: string;
  /** What the variable is for. */
  description?: PostmanDescription;
}

/** A header of a request or of a saved response. */
export interface PostmanHeader {
  /** The header name. */
  key: string;
  /** The header value. */
  value: string;
}

/** A request URL, split as Postman stores it. */
export interface PostmanUrl {
  /** The URL as written, e.g. `{{baseUrl}}/message/send`. */
  raw: string;
  /** Host segments (`{{baseUrl}}`). */
  host: string[];
  /** Path segments. */
  path: string[];
}

/** The request of an item, or the original request of a saved response. */
export interface PostmanRequest {
  /** Always `POST` for this API. */
  method: string;
  /** Where it goes. */
  url: PostmanUrl;
  /** Headers sent as they are (the signing headers are added by the pre-request script). */
  header: PostmanHeader[];
  /** A raw JSON body. */
  body?: {
    /** Always `raw`. */
    mode: string;
    /** The JSON text, possibly with `{{variables}}`. */
    raw: string;
    /** Tells Postman to highlight the body as JSON. */
    options: { raw: { language: string } };
  };
  /** What the endpoint does, in Markdown. */
  description?: PostmanDescription;
}

/** A saved example response, shown beside the request in Postman. */
export interface PostmanExampleResponse {
  /** A stable id. */
  id: string;
  /** The example's title. */
  name: string;
  /** The request that produced it. */
  originalRequest: PostmanRequest;
  /** HTTP status text. */
  status: string;
  /** HTTP status code. */
  code: number;
  /** Response headers. */
  header: PostmanHeader[];
  /** The JSON body text. */
  body: string;
  /** Always empty. */
  cookie: unknown[];
  /** Tells Postman to show the body as JSON. */
  _postman_previewlanguage?: string;
}

/** One request of the collection, with its examples and tests. */
export interface PostmanRequestItem {
  /** A stable id. */
  id: string;
  /** The title shown in the sidebar. */
  name: string;
  /** The request. */
  request: PostmanRequest;
  /** Saved example responses. */
  response: PostmanExampleResponse[];
  /** The item's test script. */
  event: PostmanEvent[];
}

/** A folder of requests. */
export interface PostmanFolder {
  /** A stable id. */
  id: string;
  /** The folder's title. */
  name: string;
  /** What the folder holds, in Markdown. */
  description?: PostmanDescription;
  /** The requests. */
  item: PostmanRequestItem[];
  /** Always empty: the scripts live on the collection and on each request. */
  event: PostmanEvent[];
}

/** A Postman Collection v2.1 document as {@link generateCollection} returns it. */
export interface PostmanCollection {
  /** Name, id and format of the collection. */
  info: {
    /** A stable id, so that importing a regenerated file replaces the earlier one. */
    _postman_id: string;
    /** The collection's name. */
    name: string;
    /** {@link COLLECTION_SCHEMA_V21}. */
    schema: string;
    /** The collection's documentation, in Markdown. */
    description?: PostmanDescription;
  };
  /** The folders. */
  item: PostmanFolder[];
  /** The collection-level pre-request (signing) and test scripts. */
  event: PostmanEvent[];
  /** Collection variables: defaults that an environment overrides. */
  variable: PostmanVariable[];
}

/** One value of an environment. */
export interface PostmanEnvironmentValue {
  /** The name used as `{{key}}`. */
  key: string;
  /** The value (empty when the user fills it in Postman). */
  value: string;
  /** `secret` masks the value in Postman's UI; `default` shows it. */
  type: 'default' | 'secret';
  /** Always `true`. */
  enabled: boolean;
}

/** A Postman environment, as Postman exports and imports it. */
export interface PostmanEnvironment {
  /** A stable id. */
  id: string;
  /** The name shown in Postman's environment picker. */
  name: string;
  /** The variables. */
  values: PostmanEnvironmentValue[];
  /** Tells Postman's importer this file is an environment. */
  _postman_variable_scope: 'environment';
}
