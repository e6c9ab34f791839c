import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDebugLogAction } from '../src/actions/debug-log-action.js';
import { createFetchPlainAction, createFetchPlainFileAction } from '../src/actions/fetch-plain-action.js';
import { createFetchTemplateAction } from '../src/actions/fetch-template-action.js';
import { createFsDeleteAction } from '../src/actions/fs-delete-action.js';
import { listFiles } from '../src/fs/list-files.js';
import { actionContext } from './action-context.js';

let base: string;
let ws: string;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'sluice-scaffolder-tpl-'));
  ws = await mkdtemp(join(tmpdir(), 'sluice-scaffolder-ws-'));
});
afterEach(async () => {
  await rm(base, { recursive: true, force: true });
  await rm(ws, { recursive: true, force: true });
});

async function files(dir: string, entries: Record<string, string | Buffer>): Promise<void> {
  for (const [path, content] of Object.entries(entries)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
}
const read = (path: string): Promise<string> => readFile(join(ws, path), 'utf8');

describe('fetch:template', () => {
  it('renders file contents and file and directory names; keeps {{ }} and binary files', async () => {
    await files(base, {
      'skeleton/${{ values.name }}/README.md': '# ${{ values.name | upper }}\n{{ not-mine }} ${HOME}\n{% if values.port %}port: ${{ values.port }}{% endif %}\n',
      'skeleton/${{ values.name }}-config.yaml': 'replicas: ${{ values.replicas }}\n',
      'skeleton/${{ "optional.txt" if values.withOptional }}': 'dropped',
      'skeleton/logo.bin': Buffer.from([0, 1, 2, 0x24, 0x7b, 0x7b]),
    });
    await chmod(join(base, 'skeleton/${{ values.name }}-config.yaml'), 0o755);
    const ctx = actionContext(
      { url: './skeleton', targetPath: './out', values: { name: 'svc', port: 8080, replicas: 2, withOptional: false } },
      { workspacePath: ws, templateBaseDir: base },
    );
    await createFetchTemplateAction().handler(ctx);
    expect(await listFiles(ws)).toEqual(['out/logo.bin', 'out/svc/README.md', 'out/svc-config.yaml']);
    expect(await read('out/svc/README.md')).toBe('# SVC\n{{ not-mine }} ${HOME}\nport: 8080\n');
    expect(await read('out/svc-config.yaml')).toBe('replicas: 2\n');
    expect((await stat(join(ws, 'out/svc-config.yaml'))).mode & 0o111).not.toBe(0);
    expect(await readFile(join(ws, 'out/logo.bin'))).toEqual(Buffer.from([0, 1, 2, 0x24, 0x7b, 0x7b]));
  });

  it('copies copyWithoutTemplating matches as they are but still renders their names', async () => {
    await files(base, {
      'skeleton/.github/workflows/ci.yaml': 'run: ${{ github.sha }}\n',
      'skeleton/${{ values.name }}.txt': 'n=${{ values.name }}\n',
      'skeleton/raw/${{ values.name }}.md': 'raw ${{ values.name }}\n',
    });
    const ctx = actionContext(
      { url: './skeleton', values: { name: 'svc' }, copyWithoutTemplating: ['.github/**', './raw'] },
      { workspacePath: ws, templateBaseDir: base },
    );
    await createFetchTemplateAction().handler(ctx);
    expect(await read('.github/workflows/ci.yaml')).toBe('run: ${{ github.sha }}\n');
    expect(await read('svc.txt')).toBe('n=svc\n');
    expect(await read('raw/svc.md')).toBe('raw ${{ values.name }}\n');
  });

  it('with templateFileExtension renders only files with the extension and strips it', async () => {
    await files(base, { 'sk/a.txt.njk': '${{ values.x }}', 'sk/b.txt': '${{ values.x }}' });
    await createFetchTemplateAction().handler(
      actionContext({ url: './sk', values: { x: 'X' }, templateFileExtension: true }, { workspacePath: ws, templateBaseDir: base }),
    );
    expect(await read('a.txt')).toBe('X');
    expect(await read('b.txt')).toBe('${{ values.x }}');
  });

  it('refuses paths that leave the template or the workspace', async () => {
    await files(base, { 'sk/a.txt': 'a' });
    await expect(createFetchTemplateAction().handler(actionContext({ url: '../elsewhere' }, { workspacePath: ws, templateBaseDir: base }))).rejects.toMatchObject({
      code: 'PATH_NOT_ALLOWED',
    });
    await expect(
      createFetchTemplateAction().handler(actionContext({ url: './sk', targetPath: '../../etc' }, { workspacePath: ws, templateBaseDir: base })),
    ).rejects.toMatchObject({ code: 'PATH_NOT_ALLOWED' });
  });

  it('skips existing files unless replace is set', async () => {
    await files(base, { 'sk/a.txt': 'new' });
    await files(ws, { 'a.txt': 'old' });
    await createFetchTemplateAction().handler(actionContext({ url: './sk' }, { workspacePath: ws, templateBaseDir: base }));
    expect(await read('a.txt')).toBe('old');
    await createFetchTemplateAction().handler(actionContext({ url: './sk', replace: true }, { workspacePath: ws, templateBaseDir: base }));
    expect(await read('a.txt')).toBe('new');
  });
});

describe('fetch:plain', () => {
  it('copies a local directory without rendering', async () => {
    await files(base, { 'plain/a/${{ x }}.txt': '${{ x }}' });
    await createFetchPlainAction().handler(actionContext({ url: './plain', targetPath: 'p' }, { workspacePath: ws, templateBaseUrl: `file://${base}/` }));
    expect(await read('p/a/${{ x }}.txt')).toBe('${{ x }}');
  });

  it('downloads a single http file', async () => {
    const fakeFetch = (async (url: string) => new Response(`from ${url}`)) as unknown as typeof fetch;
    await createFetchPlainAction({ fetch: fakeFetch }).handler(actionContext({ url: 'https://example.com/files/x.yaml', targetPath: 'dl' }, { workspacePath: ws }));
    expect(await read('dl/x.yaml')).toBe('from https://example.com/files/x.yaml');
    const notFound = (async () => new Response('nope', { status: 404 })) as unknown as typeof fetch;
    await expect(
      createFetchPlainFileAction({ fetch: notFound }).handler(actionContext({ url: 'https://example.com/y', targetPath: 'y' }, { workspacePath: ws })),
    ).rejects.toMatchObject({ code: 'FETCH_FAILED', message: expect.stringMatching(/HTTP 404/) });
  });
});

describe('fs:delete and debug:log', () => {
  it('deletes matching files and lists the workspace', async () => {
    await files(ws, { 'a/one.txt': '1', 'a/two.md': '2', 'b/three.txt': '3' });
    await createFsDeleteAction().handler(actionContext({ files: ['**/*.txt'] }, { workspacePath: ws }));
    expect(await listFiles(ws)).toEqual(['a/two.md']);
    await expect(createFsDeleteAction().handler(actionContext({ files: ['../x'] }, { workspacePath: ws }))).rejects.toMatchObject({ code: 'PATH_NOT_ALLOWED' });
    const ctx = actionContext({ message: 'hello', listWorkspace: true as const }, { workspacePath: ws });
    await createDebugLogAction().handler(ctx);
    expect(ctx.lines).toEqual(['hello', 'Workspace:\n  a/two.md']);
  });
});
