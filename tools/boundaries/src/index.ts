export { findViolations, type ProjectInfo, type SourceFile, type Violation } from './check';
export { ALLOWED_IMPORTS, ALLOWED_SCOPE_IMPORTS, SOURCE_FOLDER_RULES, TEST_CODE_SCOPE_IMPORTS } from './rules';
export { readProjects, readSources } from './workspace';
export { findImportCycles, findLongFiles, type LongFile } from './structure';
