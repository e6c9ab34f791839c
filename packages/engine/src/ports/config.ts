/**
 * Configuration the engine reads: SonataFlow's `application.properties` with `${ENV}` substituted,
 * backed by the environment the host passes in. `$SECRET.x` and invokers (base URLs, credentials) read it.
 */
export interface ConfigSource {
  /** The value of `key`, or undefined. Values are always strings. */
  get(key: string): string | undefined;
  /** Every key with a value (properties and environment), for `$SECRET`. */
  keys(): Iterable<string>;
}
