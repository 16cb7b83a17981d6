export type { UserKey, UserProfile } from './types';
