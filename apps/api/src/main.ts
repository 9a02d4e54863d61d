import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { ConfigError, loadAppConfig } from './config/app-config';
import { configureApp } from './configure-app';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadAppConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), new FastifyAdapter({ bodyLimit: 4 * 1024 * 1024 }), {
    logger: ['error', 'warn', 'log'],
  });
  configureApp(app);
  await app.listen(config.port, config.host);
  const base = (await app.getUrl()).replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost').replace('127.0.0.1', 'localhost');
  console.log(`casetrail 已启动 listening: ${base}/api/v1  (health: ${base}/api/v1/health)`);
  console.log(`API 文档 OpenAPI docs: ${base}/api/docs`);
  console.log(`数据目录 data: ${config.dataDir} · 身份 auth: ${config.authMode}${config.authMode === 'dev' ? ` (dev users: ${base}/api/v1/auth/dev-users)` : ''}`);
}

void bootstrap();
