// The floor under berth's CPU in scenario #21: Node and dockerode doing nothing but what berth's figures need
// of the engine, with no screen. `stream`: every running container's stats stream read and each sample parsed
// (berth at --refresh 1); `poll`: one one-shot sample of each every 5 s (berth's default).
//   node statsFloor.mjs stream|poll DOCKER_HOST
import Docker from 'dockerode';

const [mode, host] = process.argv.slice(2);
const docker = new Docker({socketPath: new URL(host).pathname});
const containers = await docker.listContainers();
let samples = 0;
if (mode === 'stream') {
	for (const container of containers) {
		const stream = await docker.getContainer(container.Id).stats({stream: true});
		let rest = '';
		stream.setEncoding('utf8');
		stream.on('data', chunk => {
			rest += chunk;
			for (let end = rest.indexOf('\n'); end !== -1; end = rest.indexOf('\n')) {
				const line = rest.slice(0, end);
				rest = rest.slice(end + 1);
				if (line.trim() !== '') {
					JSON.parse(line);
					samples++;
				}
			}
		});
	}
} else {
	const round = () =>
		Promise.all(containers.map(async container => docker.getContainer(container.Id).stats({stream: false, 'one-shot': true}))).then(all => {
			samples += all.length;
		});
	setInterval(round, 5000);
	await round();
}

console.log(`${mode}: ${containers.length} containers`);
setInterval(() => {
	console.log(`${samples} samples`);
}, 10_000);
