export * from './types';
export * from './roles';
