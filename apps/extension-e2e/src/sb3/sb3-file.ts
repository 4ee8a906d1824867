import JSZip from 'jszip';
import type { ProjectBuilder } from './project';
import { serializeProject } from './serialize';

/** Zips a project as an .sb3: project.json plus its asset files. */
export async function toSb3(project: ProjectBuilder): Promise<Uint8Array> {
  const { projectJson, assets } = serializeProject(project.model);
  const zip = new JSZip();
  zip.file('project.json', JSON.stringify(projectJson));
  for (const [name, content] of assets) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array' });
}
