import { base64url, codeChallengeS256, randomToken } from '../../apps/console/src/auth/pkce';

describe('PKCE helpers of the console (RFC 7636)', () => {
  it('derives the S256 challenge of the verifier in RFC 7636 Appendix B', async () => {
    expect(await codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('encodes base64url without padding, as Appendix A of RFC 7636 does', () => {
    // The octets of Appendix B's verifier.
    const octets = [
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83,
      132, 141, 121,
    ];
    expect(base64url(new Uint8Array(octets))).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    expect(base64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });

  it('makes verifiers of 43 unreserved characters, different each time', () => {
    const a = randomToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomToken()).not.toBe(a);
  });
});
