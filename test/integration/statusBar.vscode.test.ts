// The one status bar item: hidden until a run reports through it.
import * as assert from 'node:assert/strict';
import { EXTENSION_ID, STATUS_BAR_ITEM_ID } from '../../src/vscode/constants';
import { hasBridge, workbench } from './bridge';
import { testApi, waitFor } from './helpers';

const ITEM = `[id="${EXTENSION_ID}.${STATUS_BAR_ITEM_ID}"]`;

describe('status bar item', function () {
  before(function () {
    if (!hasBridge()) this.skip();
  });

  it('shows a run\'s progress and its outcome, then hides again', async () => {
    const { services } = await testApi();
    services.statusBar.showRunning('3/10 labeled', 'Labeling chat.jsonl');
    await waitFor(async () => (await workbench.text(ITEM)).includes('3/10 labeled'), 'the running item');
    await workbench.screenshot('status-bar-running', { selector: '.part.statusbar' });

    services.statusBar.showFinished('10/10 labeled', 'chat.jsonl: 10 labeled, 0 failed');
    await waitFor(async () => (await workbench.text(ITEM)).includes('10/10 labeled'), 'the finished item');

    services.statusBar.hide();
    await workbench.waitFor(ITEM, { state: 'hidden' });
    assert.equal(await workbench.count(`${ITEM}:visible`), 0);
  });
});
