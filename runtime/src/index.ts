// Public entry of @stagecraft/runtime: configuration, the server and the record services.
export * from './config/config';
export * from './db/database';
export * from './db/sequences';
export * from './db/system-database';
export * from './live/compiled-types';
export * from './live/compile-metadata';
export * from './live/live-metadata';
export * from './records/list-query';
export * from './records/record-id';
export * from './records/record-service';
export * from './records/record-rows';
export * from './api/app';
export * from './api/error-handler';
export * from './api/server';
export * from './cli/cli-io';
export * from './cli/run-cli';
