export * from './errors';
export * from './imageFormat';
export * from './loopbackHost';
export * from './requestListener';
export * from './requestReader';
export * from './responseBuilder';
export * from './types';
