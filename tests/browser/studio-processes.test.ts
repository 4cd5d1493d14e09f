// The process canvas in a real browser, as an administrator who never sees JSON: every shipped
// process opens on it; a new five-stage process with a two-day timer, a required-field guard and a
// notify action is drawn on a new entity, simulated (nothing written), published, and a rep moves a
// record through it in the app and reads the guard's reason. Each screen is checked with axe-core
// and photographed in both languages.
import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, describeBrowser, startBrowserHarness, type BrowserHarness } from './browser-harness';

jest.setTimeout(300_000);

describeBrowser('studio: processes on a canvas (Chromium)', () => {
  let harness: BrowserHarness;
  let studio: Page;

  beforeAll(async () => {
    harness = await startBrowserHarness();
    studio = await harness.newPage();
    studio.on('dialog', (dialog) => void dialog.accept());
    await harness.login(studio, 'admin', ADMIN_PASSWORD);
    await studio.goto(`${harness.url}/studio/processes`);
    await studio.getByRole('heading', { name: 'Processes', level: 1 }).waitFor();
  });
  afterAll(async () => {
    await harness?.close();
  });

  const expectAccessible = async (screen: string) => {
    expect([screen, await harness.accessibilityViolations(studio)]).toEqual([screen, []]);
  };

  it('opens every shipped process on the canvas', async () => {
    await expectAccessible('processes');
    await harness.screenshot(studio, 'studio-processes');
    const links = studio.getByRole('table').getByRole('link');
    const count = await links.count();
    expect(count).toBeGreaterThanOrEqual(2);
    for (let index = 0; index < count; index += 1) {
      await studio.getByRole('table').getByRole('link').nth(index).click();
      await studio.locator('.react-flow__node').first().waitFor();
      expect(await studio.locator('.react-flow__node').count()).toBeGreaterThan(2);
      expect(await studio.locator('.react-flow__edge').count()).toBeGreaterThan(1);
      await harness.screenshot(studio, `studio-process-${index}`);
      await studio.getByRole('link', { name: 'All processes' }).click();
    }
  });

  const sections = () => studio.getByRole('navigation', { name: /Studio sections|设计室栏目/ });
  const node = (id: string) => studio.locator(`.react-flow__node[data-id="${id}"]`);
  const panel = () => studio.getByRole('complementary', { name: /^(Properties|属性)$/ });

  async function addState(name: string, english: string, chinese: string): Promise<void> {
    await studio.getByRole('button', { name: 'Add state' }).first().click();
    const dialog = studio.getByRole('dialog', { name: 'New state' });
    await dialog.getByLabel('State name').fill(name);
    await dialog.locator('#new-state-label-en').fill(english);
    await dialog.locator('#new-state-label-zh-CN').fill(chinese);
    await dialog.getByRole('button', { name: 'Add state' }).click();
    await dialog.waitFor({ state: 'detached' });
    await node(name).waitFor();
  }

  async function addMove(from: string, to: string, event: string, label: string): Promise<void> {
    await node(from).click();
    await panel().getByLabel('New move or timer to').selectOption(to);
    await panel().getByRole('button', { name: 'Add move' }).click();
    await panel().getByLabel('Event').fill(event);
    await panel().getByLabel('Event').press('Enter');
    await panel().locator('#transition-label-en').fill(label);
    await panel().locator('#transition-label-zh-CN').fill(`${label}（中文）`);
    await studio.locator(`.react-flow__edge[data-id$="/on/${event}"]`).waitFor();
  }

  it('draws a five-stage process with a two-day timer, a required field and a notify action on a new entity, and simulates it', async () => {
    await sections().getByRole('link', { name: 'Data model' }).click();
    await studio.getByRole('button', { name: 'New entity' }).click();
    const entity = studio.getByRole('dialog', { name: 'New entity' });
    await entity.locator('#entity-name').fill('serviceRequest');
    await entity.locator('#entity-label-en').fill('Service request');
    await entity.locator('#entity-label-zh-CN').fill('服务请求');
    await entity.locator('#entity-plural-en').fill('Service requests');
    await entity.locator('#entity-plural-zh-CN').fill('服务请求');
    await entity.getByRole('button', { name: 'Create entity' }).click();
    await studio.getByRole('heading', { name: 'Service request', level: 1 }).waitFor();
    await studio.locator('#new-field-type').selectOption('text');
    await studio.getByRole('button', { name: 'Add field' }).click();
    const field = studio.getByRole('dialog');
    await field.locator('#field-label-en').fill('Resolution');
    await field.locator('#field-label-zh-CN').fill('解决方案');
    await field.locator('#field-name').fill('resolution');
    await field.getByRole('button', { name: 'Apply' }).click();
    await field.waitFor({ state: 'detached' });

    await sections().getByRole('link', { name: 'Processes' }).click();
    await studio.getByRole('button', { name: 'New process' }).click();
    const create = studio.getByRole('dialog', { name: 'New process' });
    await create.getByLabel('Process').fill('serviceFlow');
    await create.locator('#process-label-en').fill('Service flow');
    await create.locator('#process-label-zh-CN').fill('服务流程');
    await create.getByLabel('Records of').selectOption('serviceRequest');
    await create.getByRole('button', { name: 'Create process' }).click();
    await node('new').waitFor();
    await expectAccessible('new process canvas');

    await addState('triage', 'Triage', '分诊');
    await addState('working', 'Working', '处理中');
    await addState('resolved', 'Resolved', '已解决');
    await addState('closed', 'Closed', '已关闭');
    await addMove('new', 'triage', 'TRIAGE', 'Triage');
    await addMove('triage', 'working', 'START', 'Start work');
    await addMove('working', 'resolved', 'RESOLVE', 'Resolve');
    await addMove('resolved', 'closed', 'CLOSE', 'Close');

    // Two days in triage moves the request on by itself.
    await node('triage').click();
    await panel().getByLabel('New move or timer to').selectOption('working');
    await panel().getByRole('button', { name: 'Add timer' }).click();
    await panel().getByLabel('Duration').fill('P2D');
    await studio.locator('.react-flow__edge[data-id="/states/triage/after/0"]').waitFor();

    // Leaving "working" needs a resolution; entering "resolved" notifies the owner.
    await node('working').click();
    await panel().getByRole('group', { name: 'Fields required to leave' }).getByLabel('Resolution').check();
    await node('resolved').click();
    const entry = panel().getByRole('group', { name: 'On entry' });
    await entry.getByLabel('Action').selectOption('notify');
    await entry.getByRole('button', { name: 'Add action' }).click();
    await entry.locator('input[id$="_to"]').fill('owner');
    await entry.locator('[id$="message-en"]').fill('Your request {{name}} is resolved.');
    await entry.locator('[id$="message-zh-CN"]').fill('您的请求 {{name}} 已解决。');
    // Copy and paste a state (then take the copy away again): by the panel's buttons and by the keyboard.
    await node('closed').click();
    await panel().getByRole('button', { name: 'Copy state' }).click();
    await panel().getByRole('button', { name: 'Paste a copy here' }).click();
    await node('closedCopy').waitFor();
    await node('closedCopy').focus();
    await studio.keyboard.press('Control+v');
    await node('closedCopy2').waitFor();
    for (const copy of ['closedCopy2', 'closedCopy']) {
      await node(copy).click();
      await panel().getByRole('button', { name: 'Remove state' }).click();
      await node(copy).waitFor({ state: 'detached' });
    }
    // The copies' stages left the stage picklist with them (they were never published).
    await studio.getByRole('status').filter({ hasText: /Draft saved/ }).first().waitFor();
    const token = await harness.token('admin', ADMIN_PASSWORD);
    const draft = (await (await fetch(`${harness.url}/api/metadata/drafts/studio`, { headers: { authorization: `Bearer ${token}` } })).json()) as { bundle: { entities: Record<string, { fields: Array<{ name: string; options?: Array<{ value: string }> }> }> } };
    const stage = draft.bundle.entities.serviceRequest?.fields.find((candidate) => candidate.name === 'stage');
    expect(stage?.options?.map((option) => option.value)).toEqual(['new', 'triage', 'working', 'resolved', 'closed']);

    // Closing needs a condition, written in the expression editor over the request's fields.
    await studio.locator('.react-flow__edge[data-id$="/on/CLOSE"]').click({ force: true });
    const guards = panel().getByRole('group', { name: 'Only when (guards)' });
    await guards.getByLabel('Guard').selectOption('expression');
    await guards.getByRole('button', { name: 'Add guard' }).click();
    const condition = guards.getByRole('combobox', { name: 'Holds when' });
    await condition.click();
    await studio.keyboard.type('resol');
    await guards.getByRole('listbox', { name: 'Suggestions' }).getByRole('option', { name: /^resolution/ }).waitFor();
    await studio.keyboard.press('Enter');
    await studio.keyboard.type(' != null');
    await studio.keyboard.press('Tab');
    await expect(condition.inputValue()).resolves.toBe('resolution != null');
    await studio.getByRole('status').filter({ hasText: /Draft saved/ }).first().waitFor();
    await expect(studio.locator('.process-node--problem').count()).resolves.toBe(0);
    await expectAccessible('process canvas with a state selected');
    await harness.screenshot(studio, 'studio-process-drawn');

    // The dry run: the resolve step is refused until the sample has a resolution.
    await studio.getByRole('button', { name: 'Simulate' }).click();
    const simulation = panel();
    await simulation.getByRole('button', { name: 'Start' }).click();
    await simulation.getByRole('button', { name: 'Triage' }).click();
    await simulation.getByText(/Timer afterWorking armed, due/).waitFor();
    await simulation.getByRole('button', { name: 'Start work' }).click();
    await simulation.getByRole('button', { name: 'Resolve' }).click();
    await simulation.locator('.simulation__step--refused').getByText(/Resolution/).waitFor();
    await simulation.getByLabel('Resolution').fill('Replaced the router');
    await simulation.getByText(/Would run: notify/).waitFor();
    await node('resolved').locator('.process-node--current').waitFor();
    await expectAccessible('simulation');
    await harness.screenshot(studio, 'studio-process-simulation');
  });

  it('lets reps move requests through it once published, with the guard\'s reason in the app', async () => {
    // A form and a list, so reps find the requests in the app.
    await sections().getByRole('link', { name: 'Layouts' }).click();
    await studio.getByRole('button', { name: 'New form layout for Service request' }).click();
    await studio.getByRole('heading', { name: 'serviceRequestForm', level: 1 }).waitFor();
    await studio.getByRole('link', { name: 'All layouts' }).click();
    await studio.getByRole('button', { name: 'New list layout for Service request' }).click();
    await studio.getByRole('heading', { name: 'serviceRequestList', level: 1 }).waitFor();

    await sections().getByRole('link', { name: 'Permissions' }).click();
    await studio.getByRole('button', { name: /^Access of Sales representative \(sfaSalesRep\) to Service request/ }).click();
    const cell = studio.getByRole('dialog', { name: 'Sales representative: Service request' });
    await cell.getByLabel('Create', { exact: true }).selectOption({ label: 'Yes' });
    await cell.getByLabel('Read', { exact: true }).selectOption({ label: 'Own records' });
    await cell.getByLabel('Edit', { exact: true }).selectOption({ label: 'Own records' });
    await cell.getByLabel('Move stages', { exact: true }).selectOption({ label: 'Own records' });
    await cell.getByRole('button', { name: 'Done' }).click();
    await studio.getByRole('status').filter({ hasText: /Draft saved/ }).first().waitFor();
    await studio.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = studio.getByRole('dialog', { name: 'Publish the draft' });
    await expect(dialog.locator('.plan').textContent()).resolves.toMatch(/Create table service_request/);
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    await studio.getByText(/Published version \d+/).waitFor();

    const rep = await harness.newPage();
    await harness.login(rep, 'rep1');
    await rep.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Service requests', exact: true }).click();
    await rep.getByRole('link', { name: 'New', exact: true }).click();
    await rep.getByRole('textbox', { name: 'Name', exact: true }).fill('Router keeps rebooting');
    await rep.getByRole('button', { name: 'Save' }).click();
    await rep.getByRole('heading', { name: 'Router keeps rebooting', level: 1 }).waitFor();
    await rep.getByRole('button', { name: 'Triage' }).click();
    await rep.getByRole('button', { name: 'Start work' }).click();
    const resolve = rep.getByRole('button', { name: 'Resolve' });
    await expect(resolve.isDisabled()).resolves.toBe(true);
    await expect(rep.locator('#move-RESOLVE-reason').textContent()).resolves.toMatch(/Resolution/);
    await harness.screenshot(rep, 'process-rep-guard');
  });

  it('inserts a stage and removes the one a running record is in, maps it, and publishes with the record moved and its history kept', async () => {
    const token = await harness.token('admin', ADMIN_PASSWORD);
    const get = async (path: string) => (await (await fetch(`${harness.url}${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as Record<string, unknown>;
    const request = ((await get(`/api/records/serviceRequest?filter[name]=${encodeURIComponent('Router keeps rebooting')}`)).data as Array<{ id: string; stage: string }>)[0];
    expect(request?.stage).toBe('working');

    await sections().getByRole('link', { name: 'Processes' }).click();
    await studio.getByRole('link', { name: 'Service flow' }).click();
    await addState('review', 'Review', '复核');
    await node('working').click();
    await panel().getByRole('button', { name: 'Remove state' }).click();
    await node('working').waitFor({ state: 'detached' });
    await addMove('triage', 'review', 'REVIEW', 'Send to review');
    await addMove('review', 'resolved', 'APPROVE', 'Approve');
    await studio.getByRole('status').filter({ hasText: /Draft saved/ }).first().waitFor();

    await studio.getByRole('button', { name: 'Publish', exact: true }).click();
    const dialog = studio.getByRole('dialog', { name: 'Publish the draft' });
    const mapping = dialog.getByLabel(/1 in “working”, which the new version no longer has/);
    await mapping.waitFor();
    await expect(dialog.getByRole('button', { name: 'Publish now' }).isDisabled()).resolves.toBe(true);
    await mapping.selectOption('review');
    await expectAccessible('publish with a process migration');
    await harness.screenshot(studio, 'studio-process-migration');
    await dialog.getByRole('button', { name: 'Publish now' }).click();
    await studio.getByText(/Published version \d+\..*1 running record\(s\) moved to it\./).waitFor();

    const moved = await get(`/api/records/serviceRequest/${request?.id ?? ''}`);
    expect(moved.stage).toBe('review');
    const process = (await get(`/api/records/serviceRequest/${request?.id ?? ''}/process`)) as { data: Array<{ transitions: Array<{ event: string }> }> };
    expect(process.data[0]?.transitions.map((transition) => transition.event)).toEqual(['stagecraft.start', 'TRIAGE', 'START', 'stagecraft.migrate']);
  });

  it('nests states: a state added inside another makes it a group holding its children, compound or parallel', async () => {
    await sections().getByRole('link', { name: 'Processes' }).click();
    await studio.getByRole('link', { name: 'Service flow' }).click();
    await studio.getByRole('button', { name: 'Add state' }).first().click();
    const dialog = studio.getByRole('dialog', { name: 'New state' });
    await dialog.getByLabel('State name').fill('callBack');
    await dialog.locator('#new-state-label-en').fill('Call back');
    await dialog.locator('#new-state-label-zh-CN').fill('回电');
    await dialog.getByLabel('Inside').selectOption('resolved');
    await dialog.getByRole('button', { name: 'Add state' }).click();
    await node('resolved.callBack').waitFor();
    await expect(node('resolved').getAttribute('class')).resolves.toMatch(/react-flow__node-group/);
    const group = await node('resolved').boundingBox();
    const child = await node('resolved.callBack').boundingBox();
    expect(group && child && child.x >= group.x && child.y >= group.y && child.x + child.width <= group.x + group.width + 1 && child.y + child.height <= group.y + group.height + 1).toBe(true);
    await node('resolved').click({ position: { x: 12, y: 12 } });
    await panel().getByLabel('Parallel (all its children run at once)').check();
    await studio.getByRole('status').filter({ hasText: /Draft saved/ }).first().waitFor();
    await expect(node('resolved').locator('.process-node--parallel').count()).resolves.toBe(1);
    await harness.screenshot(studio, 'studio-process-nested');
    // Back to how it was, so the published process is unchanged.
    await node('resolved.callBack').click();
    await panel().getByRole('button', { name: 'Remove state' }).click();
    await node('resolved.callBack').waitFor({ state: 'detached' });
  });

  it('speaks 简体中文 on the process screens, without accessibility violations', async () => {
    await studio.getByLabel('Language').selectOption('zh-CN');
    await sections().getByRole('link', { name: '流程' }).click();
    await studio.getByRole('heading', { name: '流程', level: 1 }).waitFor();
    await expectAccessible('processes in Chinese');
    await harness.screenshot(studio, 'studio-processes-zh');
    await studio.getByRole('link', { name: '服务流程' }).click();
    await node('review').click();
    await panel().getByText('进入时必填的字段').waitFor();
    await expectAccessible('process canvas in Chinese');
    await harness.screenshot(studio, 'studio-process-zh');
    await studio.getByRole('button', { name: '模拟' }).click();
    await panel().getByRole('button', { name: '开始' }).click();
    await panel().getByText('已开始').waitFor();
    await harness.screenshot(studio, 'studio-simulation-zh');
    await studio.getByLabel('语言').selectOption('en');
  });
});
