export * from './directory.types';
export * from './directory';
export * from './demo-directory';
export * from './registry-rules';
export * from './directory-follower';
