/**
 * Reads `test/exclusions.yaml`: the one list of suite cases our engine does not run, each with its
 * reason. Entries are matched by file and exact program text, and unused entries are reported.
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

/** The exclusions file. */
export const EXCLUSIONS_PATH = fileURLToPath(new URL('./exclusions.yaml', import.meta.url));

/** One excluded case (or several: every case of `file` whose program is exactly `program`). */
export interface Exclusion {
  file: string;
  program: string;
  reason: string;
}

/**
 * The exclusions of one section (`conformance`, `jackson-jq`), with a record of which were used.
 *
 * @example
 * const list = ExclusionList.load('conformance');
 * list.match('jq.test', 'modulemeta')?.reason;
 */
export class ExclusionList {
  readonly section: string;
  readonly entries: readonly Exclusion[];
  readonly problems: string[] = [];
  private readonly used = new Set<Exclusion>();

  private constructor(section: string, entries: Exclusion[], problems: string[]) {
    this.section = section;
    this.entries = entries;
    this.problems = problems;
  }

  /** Loads one section; malformed entries are kept out and listed in `problems`. */
  static load(section: string): ExclusionList {
    const doc = parseYaml(readFileSync(EXCLUSIONS_PATH, 'utf8')) as Record<string, unknown> | null;
    const raw = doc?.[section] ?? [];
    const problems: string[] = [];
    const entries: Exclusion[] = [];
    if (!Array.isArray(raw)) {
      problems.push(`section ${section} is not a list`);
    } else {
      const seen = new Set<string>();
      raw.forEach((item: unknown, i) => {
        const e = item as Partial<Exclusion> | null;
        if (!e || typeof e.file !== 'string' || typeof e.program !== 'string' || typeof e.reason !== 'string' || e.reason.trim() === '') {
          problems.push(`${section}[${i}] needs string file, program and a non-empty reason`);
          return;
        }
        const key = `${e.file}\u0000${e.program}`;
        if (seen.has(key)) problems.push(`${section}[${i}] repeats ${e.file}: ${e.program}`);
        seen.add(key);
        entries.push({ file: e.file, program: e.program, reason: e.reason });
      });
    }
    return new ExclusionList(section, entries, problems);
  }

  /** The exclusion covering this case, if any (and marks it used). */
  match(file: string, program: string): Exclusion | undefined {
    const found = this.entries.find((e) => e.file === file && e.program === program);
    if (found) this.used.add(found);
    return found;
  }

  /** Entries that matched no case: stale, to be removed. */
  unused(): Exclusion[] {
    return this.entries.filter((e) => !this.used.has(e));
  }
}
