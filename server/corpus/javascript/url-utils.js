'use strict';

function parseQuery(query) {
  const result = {};
  const text = query.startsWith('?') ? query.slice(1) : query;
  if (text === '') {
    return result;
  }
  for (const pair of text.split('&')) {
    const [rawKey, rawValue = ''] = pair.split('=');
    const key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
    const value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
    if (key in result) {
      result[key] = [].concat(result[key], value);
    } else {
      result[key] = value;
    }
  }
  return result;
}

function buildQuery(params) {
  const parts = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) {
      continue;
    }
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(item))}`);
    }
  }
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

function joinPath(...segments) {
  return segments
    .filter((segment) => segment !== '')
    .map((segment, index) => {
      let part = segment;
      if (index > 0) part = part.replace(/^\/+/, '');
      if (index < segments.length - 1) part = part.replace(/\/+$/, '');
      return part;
    })
    .join('/');
}

function isSameOrigin(a, b) {
  const first = new URL(a);
  const second = new URL(b);
  return first.protocol === second.protocol && first.host === second.host;
}

function withParams(url, params) {
  const parsed = new URL(url);
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) {
      parsed.searchParams.delete(key);
    } else {
      parsed.searchParams.set(key, String(value));
    }
  }
  return parsed.toString();
}

module.exports = { parseQuery, buildQuery, joinPath, isSameOrigin, withParams };

if (require.main === module) {
  console.log(parseQuery('?q=hello+world&tag=a&tag=b'));
  console.log(buildQuery({ q: 'hello world', tag: ['a', 'b'], page: 2 }));
  console.log(joinPath('https://example.com/', '/api/', 'users'));
  console.log(withParams('https://example.com/search?q=old', { q: 'new', page: 1 }));
}
