export * from './errors';
export * from './imageSniff';
export * from './requestListener';
export * from './requestReader';
export * from './responseBuilder';
export * from './types';
