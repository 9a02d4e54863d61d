import { ConfigError, DEV_JWT_SECRET, loadAppConfig } from './app-config';

describe('loadAppConfig', () => {
  it('defaults: port 3000, ./data, dev identity with the demo seed', () => {
    const c = loadAppConfig({});
    expect(c).toMatchObject({ port: 3000, authMode: 'dev', seedDemo: true, nodeEnv: 'development' });
    expect(c.dataDir).toMatch(/\/data$/);
  });

  it('refuses dev identity under NODE_ENV=production', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production', AUTH_MODE: 'dev' })).toThrow(/AUTH_MODE=dev is refused when NODE_ENV=production/);
  });

  it('refuses production without a real secret, or with the built-in one', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    expect(() => loadAppConfig({ NODE_ENV: 'production', JWT_SECRET: DEV_JWT_SECRET })).toThrow(/must not be the built-in development secret/);
    expect(() => loadAppConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/at least 32 characters/);
    expect(loadAppConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toMatchObject({ authMode: 'jwt', seedDemo: false });
  });

  it('reports every problem at once, naming the variable', () => {
    try {
      loadAppConfig({ PORT: 'abc', AUTH_MODE: 'magic', SEED_DEMO: 'maybe' });
      throw new Error('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems).toEqual([
        expect.stringContaining('PORT="abc"'),
        expect.stringContaining('AUTH_MODE="magic"'),
        expect.stringContaining('SEED_DEMO="maybe"'),
      ]);
    }
  });
});
