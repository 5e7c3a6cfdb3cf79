// Service PORTS as `docker service ls` groups them: the CLI's own table (TestServiceContext_Ports) and the
// mappings it keeps apart.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {ServicePort} from '../../source/engine/types.js';
import {formatServicePorts} from '../../source/format/swarm.js';

function ingress(protocol: string, targetPort: number, publishedPort: number): ServicePort {
	return {protocol, targetPort, publishedPort, publishMode: 'ingress'};
}

describe('formatServicePorts', () => {
	test('the docker CLI\'s own table: ranges per protocol, many-to-one, overlaps start a new range', () => {
		const ports = [
			ingress('tcp', 80, 81),
			ingress('tcp', 80, 80),
			ingress('tcp', 95, 95),
			ingress('tcp', 90, 90),
			ingress('tcp', 91, 91),
			ingress('tcp', 92, 92),
			ingress('tcp', 93, 93),
			ingress('tcp', 94, 94),
			ingress('udp', 95, 95),
			ingress('udp', 90, 90),
			ingress('udp', 96, 96),
			ingress('udp', 91, 91),
			ingress('udp', 92, 92),
			ingress('udp', 93, 93),
			ingress('udp', 94, 94),
			ingress('tcp', 60, 60),
			ingress('tcp', 61, 61),
			ingress('tcp', 61, 62),
			ingress('sctp', 97, 97),
			ingress('sctp', 98, 98),
		];
		assert.equal(
			formatServicePorts(ports),
			'*:97-98->97-98/sctp, *:60-61->60-61/tcp, *:62->61/tcp, *:80-81->80/tcp, *:90-95->90-95/tcp, *:90-96->90-96/udp',
		);
	});

	const cases: Array<[string, ServicePort[], string]> = [
		// docker service create -p 8443:443 -p 8444:80: consecutive published ports, targets going down.
		['-p 8443:443 -p 8444:80', [ingress('tcp', 443, 8443), ingress('tcp', 80, 8444)], '*:8443->443/tcp, *:8444->80/tcp'],
		['-p 8080:81 -p 8081:80', [ingress('tcp', 81, 8080), ingress('tcp', 80, 8081)], '*:8080->81/tcp, *:8081->80/tcp'],
		['-p 8080:80 -p 8081:81', [ingress('tcp', 80, 8080), ingress('tcp', 81, 8081)], '*:8080-8081->80-81/tcp'],
		['-p 8080:80 -p 8081:80', [ingress('tcp', 80, 8080), ingress('tcp', 80, 8081)], '*:8080-8081->80/tcp'],
		['-p 8080:80 -p 8082:81', [ingress('tcp', 80, 8080), ingress('tcp', 81, 8082)], '*:8080->80/tcp, *:8082->81/tcp'],
	];
	for (const [flags, ports, expected] of cases) test(`${flags}: ${expected}`, () => assert.equal(formatServicePorts(ports), expected));
});
