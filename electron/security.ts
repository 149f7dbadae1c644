/**
 * The one Content-Security-Policy for every way the renderer is served: the Electron window
 * (as a response header) and the loopback web host. Nothing in the renderer needs eval, inline
 * scripts, remote origins, frames or form posts, so none of them are allowed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export type ResponseHeaders = Record<string, string | string[]>;

/**
 * Response headers with our policy as the only CSP. Header names are case-insensitive, so any
 * existing spelling is dropped first: a second, looser policy must not ride along.
 */
export function withContentSecurityPolicy(headers: ResponseHeaders | undefined): ResponseHeaders {
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy');
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}

/**
 * Whether `url` is the renderer document itself. Query and fragment are ignored (the screens
 * route with the hash); anything else, including a longer path that merely starts the same
 * way, is another document.
 */
export function isRendererUrl(url: string, rendererUrl: string): boolean {
  const strip = (value: string): string | null => {
    try {
      const parsed = new URL(value);
      parsed.hash = '';
      parsed.search = '';
      return parsed.href;
    } catch {
      return null;
    }
  };
  const candidate = strip(url);
  return candidate !== null && candidate === strip(rendererUrl);
}
