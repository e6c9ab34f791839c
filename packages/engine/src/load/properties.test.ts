import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { parseProperties } from './properties.js';

const SEED = new URL('../../../../workflows/create-ocp-namespace-swt/application.properties', import.meta.url);

describe('parseProperties', () => {
  it('accepts =, : and whitespace as separators, with blanks around them', () => {
    expect(parseProperties('a=1\nb : 2\nc 3\nd\t=\t4\n  e:5\nf=\ng')).toEqual({
      a: '1',
      b: '2',
      c: '3',
      d: '4',
      e: '5',
      f: '',
      g: '',
    });
  });

  it('keeps separators after the first one in the value', () => {
    expect(parseProperties('url=http://x:8080/a=b\nk:=v\nk2 = = v')).toEqual({
      url: 'http://x:8080/a=b',
      k: '=v',
      k2: '= v',
    });
  });

  it('skips # and ! comments and blank lines, but not a # inside a value', () => {
    expect(parseProperties('# c\n  ! c\n\n   \na=x # not a comment\n')).toEqual({ a: 'x # not a comment' });
  });

  it('joins continuation lines and drops the next line leading blanks', () => {
    expect(parseProperties('list=a,\\\n    b,\\\n\tc\nnext=1')).toEqual({ list: 'a,b,c', next: '1' });
  });

  it('does not continue after an even number of backslashes', () => {
    expect(parseProperties('a=x\\\\\nb=y')).toEqual({ a: 'x\\', b: 'y' });
  });

  it('continues a comment-looking line that follows a continuation', () => {
    expect(parseProperties('a=1\\\n# still a\n')).toEqual({ a: '1# still a' });
  });

  it('handles a continuation at the end of the file', () => {
    expect(parseProperties('a=1\\')).toEqual({ a: '1' });
  });

  it('understands CRLF and CR line ends', () => {
    expect(parseProperties('a=1\r\nb=2\rc=3')).toEqual({ a: '1', b: '2', c: '3' });
  });

  it('resolves escapes in keys and values', () => {
    expect(parseProperties('tab=a\\tb\nnl=a\\nb\nuni=\\u00e9t\\u00C9\nk\\:x\\=y\\ z=v\nslash=\\\\\nother=\\q')).toEqual({
      tab: 'a\tb',
      nl: 'a\nb',
      uni: 'étÉ',
      'k:x=y z': 'v',
      slash: '\\',
      other: 'q',
    });
  });

  it('keeps a malformed \\u escape as text', () => {
    expect(parseProperties('a=\\uZZ')).toEqual({ a: 'uZZ' });
  });

  it('keeps quoted key segments verbatim, separators inside included', () => {
    expect(
      parseProperties('quarkus.log.category."org.apache.http".level=INFO\nx."a b=c".y = 1\nq"x y=2'),
    ).toEqual({
      'quarkus.log.category."org.apache.http".level': 'INFO',
      'x."a b=c".y': '1',
      'q"x': 'y=2',
    });
  });

  it('lets later duplicates win', () => {
    expect(parseProperties('a=1\na=2')).toEqual({ a: '2' });
  });

  it('drops profile keys without an active profile', () => {
    expect(parseProperties('%dev.a=1\na=2\n%prod.b=3')).toEqual({ a: '2' });
  });

  it('lets keys of the active profile win wherever they appear', () => {
    const text = '%dev.a=dev\na=plain\n%test,dev.b=both\n%prod.c=prod\n%dev.quarkus.log.category."x.y".level=DEBUG';
    expect(parseProperties(text, { profile: 'dev' })).toEqual({
      a: 'dev',
      b: 'both',
      'quarkus.log.category."x.y".level': 'DEBUG',
    });
    expect(parseProperties(text, { profile: 'prod' })).toEqual({ a: 'plain', c: 'prod' });
  });

  it('does not treat __proto__ specially', () => {
    const parsed = parseProperties('__proto__=x');
    expect(Object.keys(parsed)).toEqual(['__proto__']);
    expect(parsed['__proto__']).toBe('x');
  });

  it('parses the seed application.properties', () => {
    const parsed = parseProperties(readFileSync(SEED, 'utf8'));
    expect(Object.keys(parsed)).toHaveLength(19);
    expect(parsed).toMatchObject({
      rhdh_url: '${BACKSTAGE_BACKEND_URL}',
      'quarkus.rest-client.gitlab_openapi_yaml.url': '${gitlab_url}',
      'quarkus.openapi-generator.gitlab_openapi_yaml.auth.access_token_header.api-key': '${gitlab_access_token}',
      swt_ref: '${SWT_REF}',
      'quarkus.log.category."org.apache.http".level': 'INFO',
      'quarkus.flyway.baseline-on-migrate': 'true',
    });
    expect(parsed).not.toHaveProperty('quarkus.tls.trust-all');
  });
});
