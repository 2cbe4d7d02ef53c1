// Request targets of every form (RFC 9112 §3.2) as the servers read them.
import { describe, expect, it } from 'vitest';
import { readTarget } from './request-target.ts';

describe('readTarget', () => {
  it.each([
    ['/v2/customers', '/v2/customers', ''],
    ['/v2/customers?limit=1&x=?', '/v2/customers', 'limit=1&x=?'],
    ['/v2/customers#frag?no', '/v2/customers', ''],
    ['//[/x', '//[/x', ''],
    ['/%zz', '/%zz', ''],
    ['http://127.0.0.1/v2/customers?limit=1', '/v2/customers', 'limit=1'],
    ['HTTPS://Example.JP:443/v2/x', '/v2/x', ''],
    ['http://[::1]:8080/v2/x', '/v2/x', ''],
    ['http://127.0.0.1', '/', ''],
    ['http://127.0.0.1?limit=2', '/', 'limit=2'],
  ])('%s is routed to path %s, query %s', (target, path, query) => {
    expect(readTarget('GET', target)).toEqual({ form: 'path', path, query });
  });

  it('reads OPTIONS * as a question about the server, and * with another method as invalid', () => {
    expect(readTarget('OPTIONS', '*')).toEqual({ form: 'asterisk' });
    expect(readTarget('GET', '*')).toMatchObject({ form: 'invalid', reason: 'The request target * is only for OPTIONS, not GET.' });
  });

  it.each([
    'http://%zz/',
    'http://:99999/',
    'http://h:99999/',
    'http:///x',
    'http://[::1/',
    'http://u:p@h/x',
    'ftp://h/x',
    'v2/customers',
    'h:80',
    '',
    'mailto:x@y',
  ])('%s is no request target', (target) => {
    expect(readTarget('GET', target)).toMatchObject({ form: 'invalid', reason: expect.stringContaining(target) });
  });
});
