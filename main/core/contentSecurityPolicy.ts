// The window's Content-Security-Policy, defined once: the header main sends
// with every page it serves (app:// in the built app, the dev server's pages in
// development). renderer/index.html's meta tag says the same for the browser
// twin, but for frame-ancestors, which only a header can carry (a test holds
// the two together).
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** A policy's directives by name: "script-src" → "'self'". */
export function cspDirectives(policy: string): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const part of policy.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name !== undefined && name !== "") out.set(name, values.join(" "));
  }
  return out;
}
