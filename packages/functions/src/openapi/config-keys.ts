/** The SonataFlow / Quarkus configuration keys an OpenAPI function reads (checklist §18.4). */
import type { ConfigSource } from '@sluice/engine';

/**
 * Both spellings Quarkus accepts for a rest-client property: `quarkus.rest-client.<key>.<prop>`
 * and the quoted `quarkus.rest-client."<key>".<prop>`; the unquoted one is listed (and wins) first.
 */
export function restClientKeys(configKey: string, prop: string): string[] {
  return [`quarkus.rest-client.${configKey}.${prop}`, `quarkus.rest-client."${configKey}".${prop}`];
}

/**
 * Both spellings of a quarkus-openapi-generator credential:
 * `quarkus.openapi-generator.<key>.auth.<scheme>.<prop>` (prop: `bearer-token`, `api-key`,
 * `username`, `password`, `token-propagation`, `header-name`), and the same with the spec key quoted.
 */
export function authKeys(configKey: string, scheme: string, prop: string): string[] {
  return [
    `quarkus.openapi-generator.${configKey}.auth.${scheme}.${prop}`,
    `quarkus.openapi-generator."${configKey}".auth.${scheme}.${prop}`,
  ];
}

/** The first of `keys` with a non-empty value, or undefined. */
export function firstValue(config: ConfigSource, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const v = config.get(key);
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
}
