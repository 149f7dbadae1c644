import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, isRendererUrl, withContentSecurityPolicy } from './security';

describe('CONTENT_SECURITY_POLICY', () => {
  it('is the strict policy, directive by directive', () => {
    expect(CONTENT_SECURITY_POLICY.split('; ')).toEqual([
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'none'",
    ]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
  });
});

describe('withContentSecurityPolicy', () => {
  it('adds the policy when there are no headers', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('drops a policy in any spelling and keeps other headers', () => {
    const headers = withContentSecurityPolicy({ 'CONTENT-SECURITY-POLICY': ['default-src *'], etag: ['"1"'] });
    expect(headers).toEqual({ etag: ['"1"'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('isRendererUrl', () => {
  const renderer = 'file:///C:/Program%20Files/Aftertab/resources/app.asar/dist/renderer/index.html';
  it('accepts the renderer with any hash or query', () => {
    expect(isRendererUrl(renderer, renderer)).toBe(true);
    expect(isRendererUrl(`${renderer}#/settle/3`, renderer)).toBe(true);
    expect(isRendererUrl(`${renderer}?x=1`, renderer)).toBe(true);
  });

  it('refuses other documents, look-alikes and garbage', () => {
    expect(isRendererUrl('https://evil.example/', renderer)).toBe(false);
    expect(isRendererUrl(`${renderer}.html`, renderer)).toBe(false);
    expect(isRendererUrl(renderer.replace('index.html', 'other.html'), renderer)).toBe(false);
    expect(isRendererUrl('not a url', renderer)).toBe(false);
    expect(isRendererUrl('not a url', 'not a url')).toBe(false);
  });
});

describe('isRendererUrl for the app:// renderer', () => {
  const renderer = 'app://aftertab/index.html';
  it('accepts the renderer on any screen (the hash routes) or with a query', () => {
    expect(isRendererUrl(renderer, renderer)).toBe(true);
    expect(isRendererUrl('app://aftertab/index.html#/tab/3', renderer)).toBe(true);
    expect(isRendererUrl('app://aftertab/index.html?x=1#/settle/3', renderer)).toBe(true);
  });

  it('refuses another document, another host, another scheme and the old file:// renderer', () => {
    expect(isRendererUrl('app://aftertab/other.html', renderer)).toBe(false);
    expect(isRendererUrl('app://aftertab/index.html/x', renderer)).toBe(false);
    expect(isRendererUrl('app://aftertab/', renderer)).toBe(false);
    expect(isRendererUrl('app://evil/index.html', renderer)).toBe(false);
    expect(isRendererUrl('app://aftertab.evil/index.html', renderer)).toBe(false);
    expect(isRendererUrl('app://aftertab:1/index.html', renderer)).toBe(false);
    expect(isRendererUrl('https://aftertab/index.html', renderer)).toBe(false);
    expect(isRendererUrl('file:///opt/Aftertab/resources/app.asar/dist/renderer/index.html', renderer)).toBe(false);
  });
});
