export * from './types';
export * from './defaults';
export * from './referrals';
export * from './validate';
export * from './decide';
