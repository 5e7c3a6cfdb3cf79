// The floor under berth's CPU in scenario #21: berth's own engine layer (source/engine: the same reading of
// the kernel's files for a local engine, or the same HTTP client and decoding of each sample for another)
// fetching what the figures need, and nothing else: no state, no screen. `stream`: every running container
// followed, a sample a second (berth at --refresh 1); `poll`: one one-shot sample of each every 5 s (berth's
// default).
//   node --import tsx statsFloor.ts stream|poll DOCKER_HOST
import {parseEngineAddress} from '../../source/engine/address.js';
import {createDockerEngine} from '../../source/engine/docker.js';

const [mode, host = ''] = process.argv.slice(2);
const parsed = parseEngineAddress(host, {});
if (!parsed.ok) throw new Error(parsed.error);
const engine = createDockerEngine('floor', parsed.address);
const running = (await engine.containers.list()).filter(container => container.state === 'running');
let samples = 0;
if (mode === 'stream') {
	for (const container of running) {
		engine.streams.stats(
			container.id,
			() => {
				samples++;
			},
			() => undefined,
		);
	}
} else {
	const round = async () => {
		const all = await Promise.all(running.map(async container => engine.streams.sampleStats(container.id, {oneShot: true})));
		samples += all.length;
	};

	setInterval(() => void round(), 5000);
	await round();
}

console.log(`${mode}: ${running.length} containers`);
setInterval(() => {
	console.log(`${samples} samples`);
}, 10_000);
