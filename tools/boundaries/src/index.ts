export { findViolations, type ProjectInfo, type SourceFile, type Violation } from './check';
export { ALLOWED_IMPORTS } from './rules';
export { readProjects, readSources } from './workspace';
