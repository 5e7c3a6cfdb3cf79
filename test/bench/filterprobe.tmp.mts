import {setTimeout as sleep} from 'node:timers/promises';
import {RunningTool, berthHeaderCount, berthSelectedLine, lines, type Tool} from './terminal.js';
import {berthLaunch} from '../support/tmux.js';
const host = process.env.DOCKER_HOST!;
const extra = (process.env.PROBE_FLAGS ?? '').split(' ').filter(Boolean);
const launch = berthLaunch(['--host', host, ...extra]); const nodeFlags = (process.env.PROBE_NODE_FLAGS ?? '').split(' ').filter(Boolean); const tool: Tool = {id: 'berth', label: 'berth', command: [launch[0]!, ...nodeFlags, ...launch.slice(1)], env: {}};
const run = await RunningTool.launch(tool, {width: 160, height: 48});
const sel = (s: string) => (lines(s)[berthSelectedLine(s)] ?? '').slice(2).split(/\s+/)[0];
await run.poll(s => (berthHeaderCount(s) ?? 0) >= 1000 && sel(s) !== '', {intervalMs: 50, timeoutMs: 60000});
await sleep(6000);
const headerFilter = (s: string) => /filter "([^"]*)"/.exec(lines(s)[0] ?? '')?.[1];
await run.term.sendKeys('/');
await sleep(300);
const text = 'bench-s-0';
const out: string[] = [];
for (let round = 0; round < Number(process.env.ROUNDS ?? 3); round++) {
  for (let i = 0; i < text.length; i++) {
    await sleep(150);
    const typed = text.slice(0, i + 1);
    const ms = await run.keyToScreen({text: text[i]!}, s => headerFilter(s) === typed, {timeoutMs: 5000});
    out.push(`${typed}:${ms?.toFixed(1)}`);
  }
  for (let erase = text.length - 1; erase >= 0; erase--) {
    await sleep(150);
    const ms = await run.keyToScreen({keys: ['BSpace']}, s => (headerFilter(s) ?? '') === text.slice(0, erase), {timeoutMs: 5000});
    out.push(`<${text.slice(0, erase)}:${ms?.toFixed(1)}`);
  }
}
console.log(out.join(' '));
await run.term.sendKeys('Escape'); await run.term.sendKeys('q');
await sleep(500);
await run.kill();
