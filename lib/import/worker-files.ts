/**
 * The stored copy of a file being imported, so an import interrupted by a closed tab or a killed
 * browser can resume: the origin-private file system (`rapport-imports/<importId>`), written by
 * the options page's import Worker before the first row is sent. It is scratch space, not the
 * database; the background drops it when the import finishes or is rolled back.
 */
const DIR = 'rapport-imports';

async function dir(): Promise<FileSystemDirectoryHandle> {
  const root = await navigator.storage.getDirectory();
  return root.getDirectoryHandle(DIR, { create: true });
}

export async function storeImportFile(importId: string, file: Blob): Promise<void> {
  const handle = await (await dir()).getFileHandle(importId, { create: true });
  const out = await handle.createWritable();
  await out.write(file);
  await out.close();
}

/** The stored copy, or undefined when there is none. */
export async function readImportFile(importId: string): Promise<File | undefined> {
  try {
    return await (await (await dir()).getFileHandle(importId)).getFile();
  } catch {
    return undefined;
  }
}

export async function hasImportFile(importId: string): Promise<boolean> {
  return (await readImportFile(importId)) !== undefined;
}

export async function dropImportFile(importId: string): Promise<void> {
  try {
    await (await dir()).removeEntry(importId);
  } catch (e) {
    if ((e as { name?: string }).name !== 'NotFoundError') throw e;
  }
}

/** Every stored copy (after "delete all data"). */
export async function dropAllImportFiles(): Promise<void> {
  const root = await navigator.storage.getDirectory();
  try {
    await root.removeEntry(DIR, { recursive: true });
  } catch (e) {
    if ((e as { name?: string }).name !== 'NotFoundError') throw e;
  }
}
