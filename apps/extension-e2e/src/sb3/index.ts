export * from './blocks';
export * from './core';
export * from './websocket';
export * from './project';
export { serializeProject } from './serialize';
export { toSb3 } from './sb3-file';
