// Runs once before all tests: finds out which optional services answer, so suites that need
// them run or skip with one clear line. In CI, STAGECRAFT_REQUIRE_MYSQL=1, STAGECRAFT_REQUIRE_REDIS=1 and
// STAGECRAFT_REQUIRE_BROWSER=1 turn a missing service or browser into a failure instead of a skip.
const net = require('node:net');

function probe(url, defaultPort) {
  const { hostname, port } = new globalThis.URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || defaultPort) });
    const finish = (ok) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(1500, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

module.exports = async function globalSetup() {
  const services = [
    { name: 'MariaDB/MySQL', urlVar: 'STAGECRAFT_TEST_MYSQL_URL', url: 'mysql://root@127.0.0.1:3306/test', port: 3306, requireVar: 'STAGECRAFT_REQUIRE_MYSQL', flag: 'STAGECRAFT_TEST_MYSQL_AVAILABLE' },
    { name: 'Redis', urlVar: 'STAGECRAFT_TEST_REDIS_URL', url: 'redis://127.0.0.1:6379', port: 6379, requireVar: 'STAGECRAFT_REQUIRE_REDIS', flag: 'STAGECRAFT_TEST_REDIS_AVAILABLE' },
  ];
  for (const service of services) {
    const url = process.env[service.urlVar] || service.url;
    process.env[service.urlVar] = url;
    const available = await probe(url, service.port);
    process.env[service.flag] = available ? '1' : '0';
    if (!available) {
      if (process.env[service.requireVar] === '1') {
        throw new Error(`${service.name} is required (${service.requireVar}=1) but does not answer at ${url}`);
      }
      console.log(`\n[stagecraft] ${service.name} not reachable at ${url}: its tests are skipped. Start it or set ${service.urlVar} to enable them.`);
    }
  }
  const fs = require('node:fs');
  const chromium = process.env.STAGECRAFT_CHROMIUM_PATH || '/usr/bin/chromium';
  process.env.STAGECRAFT_CHROMIUM_PATH = chromium;
  const hasBrowser = fs.existsSync(chromium);
  process.env.STAGECRAFT_TEST_BROWSER_AVAILABLE = hasBrowser ? '1' : '0';
  if (!hasBrowser) {
    if (process.env.STAGECRAFT_REQUIRE_BROWSER === '1') {
      throw new Error(`Chromium is required (STAGECRAFT_REQUIRE_BROWSER=1) but ${chromium} does not exist`);
    }
    console.log(`\n[stagecraft] Chromium not found at ${chromium}: browser tests are skipped. Install it (apt-get install chromium) or set STAGECRAFT_CHROMIUM_PATH to enable them.`);
  }
};
