/** How the loader reads files a definition names (schemas, specs, function files): the host supplies it. */

/**
 * Reads a resource by path. Paths are `/`-separated and relative to nothing: the loader joins the
 * definition's folder with the relative URI before asking. Returns `undefined` when the resource does not exist.
 */
export interface ResourceReader {
  read(path: string): Promise<string | undefined>;
}
