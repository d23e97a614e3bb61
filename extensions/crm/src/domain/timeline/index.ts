export * from './types';
export * from './order';
export * from './cursor';
export * from './merge';
export * from './query';
