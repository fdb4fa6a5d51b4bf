import { Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { APP_CONFIG, AppConfig, CoreModule } from '@skss/api/core';
import { AuthModule } from '@skss/api/auth';
import { OrgUnitsModule } from '@skss/api/org-units';

/** Composition only: each subsystem is a module of its own library. */
@Module({
  imports: [
    CoreModule,
    AuthModule,
    OrgUnitsModule,
    // The built console is served from the same port; unknown paths fall back to its index.html.
    ServeStaticModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const rootPath = resolve(config.consoleDir);
        return existsSync(rootPath) ? [{ rootPath, exclude: ['/api/{*path}'] }] : [];
      },
    }),
  ],
})
export class AppModule {}
