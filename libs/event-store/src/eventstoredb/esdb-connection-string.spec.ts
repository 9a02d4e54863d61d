import { parseConnectionString } from '@eventstore/db-client/dist/Client/parseConnectionString';
import { clientConnectionString } from './esdb-connection-string';

describe('clientConnectionString (kurrentdb:// for @eventstore/db-client)', () => {
  it.each([
    ['kurrentdb://localhost:2113?tls=false', 'esdb://localhost:2113?tls=false'],
    [
      'kurrentdb://admin:changeit@node1:2113,node2:2113,node3:2113?tls=true&nodePreference=leader',
      'esdb://admin:changeit@node1:2113,node2:2113,node3:2113?tls=true&nodePreference=leader',
    ],
    [
      'kurrentdb+discover://admin:changeit@cluster.example:2113?tls=true&tlsCAFile=/etc/ca.crt&keepAliveInterval=5000',
      'esdb+discover://admin:changeit@cluster.example:2113?tls=true&tlsCAFile=/etc/ca.crt&keepAliveInterval=5000',
    ],
    ['KurrentDB://db.example:2113', 'esdb://db.example:2113'],
  ])('%s parses to the same hosts, credentials, TLS and options as %s', (kurrent, esdb) => {
    const translated = clientConnectionString(kurrent);
    expect(translated).toBe(esdb);
    expect(parseConnectionString(translated)).toEqual(parseConnectionString(esdb));
  });

  it('keeps the parsed settings of the original string', () => {
    const parsed = parseConnectionString(
      clientConnectionString('kurrentdb+discover://u:p@a.example:2113,b.example:2114?tls=false&nodePreference=follower'),
    );
    expect(parsed).toMatchObject({
      dnsDiscover: true,
      defaultCredentials: { username: 'u', password: 'p' },
      hosts: [
        { address: 'a.example', port: 2113 },
        { address: 'b.example', port: 2114 },
      ],
      tls: false,
      nodePreference: 'follower',
    });
  });

  it('leaves esdb:// strings and anything else as they are (the client refuses what it cannot use)', () => {
    expect(clientConnectionString('esdb://localhost:2113?tls=false')).toBe('esdb://localhost:2113?tls=false');
    expect(clientConnectionString('esdb+discover://x:2113')).toBe('esdb+discover://x:2113');
    expect(clientConnectionString('http://localhost:2113')).toBe('http://localhost:2113');
    expect(() => parseConnectionString('kurrentdb://localhost:2113')).toThrow(/esdb/);
  });
});
