export * from './types';
export * from './defaults';
export * from './conditions';
export * from './validate';
export * from './decide';
