'use strict';
/** Baseline target: a bare Fastify JSON echo server. Run as a child process by run-bench.js. */

const fastify = require('fastify')({ logger: false, bodyLimit: 4 * 1024 * 1024 });

fastify.post('/echo', async (request) => request.body);
fastify.get('/health', async () => ({ status: 'ok' }));

const port = Number(process.env.PORT || 0);
const host = process.env.HOST || '127.0.0.1';

fastify.listen({ port, host }).then(
  (address) => console.log(`echo server listening on ${address}`),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => fastify.close().finally(() => process.exit(0)));
