export { AppError, toAppError } from './errors';
export type { ErrorCode } from './errors';
export { settingsApi } from './settings';
export { systemApi } from './system';
export type * from './types';
