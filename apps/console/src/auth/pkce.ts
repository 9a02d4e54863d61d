/**
 * Proof Key for Code Exchange (RFC 7636) and the other one-time values of an OpenID sign-in, made with Web Crypto:
 * the verifier never leaves the browser until the code is exchanged, so a stolen code alone is worth nothing.
 */

/** base64url without padding (RFC 7636 Appendix A). */
export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random value of `bytes` bytes, base64url: 32 bytes give the 43 characters RFC 7636 §4.1 recommends for a verifier. */
export function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** code_challenge = BASE64URL(SHA256(ASCII(code_verifier))), the S256 method (RFC 7636 §4.2). */
export async function codeChallengeS256(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}
