export { createPlaygroundServer, type Playground, type PlaygroundOptions } from './server.js';
export { parseArgs, DEFAULT_PORT, type ParsedArgs } from './args.js';
export { playgroundUrls, PATHS, type PlaygroundUrls } from './urls.js';
export { defaultFiles, type PlaygroundFiles } from './files.js';
export { demoProjectJson, buildDemoSb3, DEMO_MESSAGE } from './demo-project.js';
