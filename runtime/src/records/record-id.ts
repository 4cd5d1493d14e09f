// Record ids: UUID version 7 (RFC 9562) — a millisecond timestamp followed by random bits, so
// ids sort by creation time and new rows land at the end of primary-key indexes. Within one
// millisecond a counter in the `rand_a` bits keeps ids of this process strictly increasing.
import { randomFillSync } from 'node:crypto';

const RANDOM_POOL_SIZE = 4096;
const randomPool = Buffer.alloc(RANDOM_POOL_SIZE);
let randomOffset = RANDOM_POOL_SIZE;
let lastMillisecond = -1;
let counter = 0;

function randomBytes(count: number): Buffer {
  if (randomOffset + count > RANDOM_POOL_SIZE) {
    randomFillSync(randomPool);
    randomOffset = 0;
  }
  const slice = randomPool.subarray(randomOffset, randomOffset + count);
  randomOffset += count;
  return slice;
}

export function newRecordId(now: number = Date.now()): string {
  const random = randomBytes(10);
  let millisecond = now;
  if (millisecond > lastMillisecond) {
    // Start each millisecond low in the 12-bit counter, leaving room to count up.
    counter = ((random[0] ?? 0) << 2) | ((random[1] ?? 0) & 0x03);
  } else {
    millisecond = lastMillisecond;
    counter += 1;
    if (counter > 0xfff) {
      millisecond += 1;
      counter = 0;
    }
  }
  lastMillisecond = millisecond;

  const bytes = Buffer.alloc(16);
  bytes.writeUIntBE(millisecond, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  random.copy(bytes, 8, 2, 10);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether text has the shape of a record id (any UUID version: imported data may use v4). */
export function isRecordId(text: string): boolean {
  return RECORD_ID.test(text);
}
