import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rootOfLocation, taxonomyFilesOf, taxonomyRootOf } from '../../../src/vscode/taxonomy/taxonomyFiles';
import { useTmpDir } from '../../helpers/tmp';

describe('vscode/taxonomy/taxonomyFiles', () => {
  const tmp = useTmpDir();

  function layout(): { folder: string; root: string; tags: string } {
    const folder = join(tmp.dir, 'tax');
    const tags = join(folder, 'tags');
    mkdirSync(tags, { recursive: true });
    writeFileSync(join(folder, 'taxonomy.yaml'), 'version: "1"\ncategories: []\n');
    for (const name of ['task.yaml', 'intent.yml', 'README.md']) writeFileSync(join(tags, name), 'category: x\n');
    return { folder, root: join(folder, 'taxonomy.yaml'), tags };
  }

  it('finds the root of a root file and of a tag file; other YAML belongs to no taxonomy', () => {
    const { root, tags } = layout();
    assert.equal(taxonomyRootOf(root), root);
    assert.equal(taxonomyRootOf(join(tags, 'task.yaml')), root);
    assert.equal(taxonomyRootOf(join(tmp.dir, 'tags', 'x.yaml')), undefined, 'a tags folder without a root');
    assert.equal(taxonomyRootOf(join(tmp.dir, 'docker-compose.yaml')), undefined);
    assert.equal(taxonomyRootOf(join(tmp.dir, 'taxonomy.json')), undefined);
  });

  it('treats the configured single-file taxonomy as a root, whatever its name', () => {
    const single = join(tmp.dir, 'my-labels.yaml');
    assert.equal(taxonomyRootOf(single, single), single);
    assert.equal(taxonomyRootOf(single), undefined);
  });

  it('lists the root first, then the YAML tag files by name', async () => {
    const { root, tags } = layout();
    assert.deepEqual(await taxonomyFilesOf(root), [root, join(tags, 'intent.yml'), join(tags, 'task.yaml')]);
    const single = join(tmp.dir, 'my-labels.yaml');
    assert.deepEqual(await taxonomyFilesOf(single), [single]);
  });

  it('resolves a location (folder or file) to its root file', () => {
    const { folder, root } = layout();
    assert.equal(rootOfLocation(folder), root);
    assert.equal(rootOfLocation(root), root);
    assert.equal(rootOfLocation(join(tmp.dir, 'missing')), undefined);
    assert.equal(rootOfLocation(tmp.dir), undefined, 'a folder without taxonomy.yaml');
  });
});
