import { describe, expect, it } from 'vitest';
import { formatClose, formatOpen, formatRefusedPipelining, formatServeError, formatSocketError } from '../src/connection-log.js';

describe('connection log lines', () => {
  it.each([
    [formatOpen('/echo', 1, 1), 'open  /echo #1 (1 open)'],
    [formatOpen('/broadcast', 12, 3), 'open  /broadcast #12 (3 open)'],
    [formatClose('/echo', 1, 1000, '', 0), 'close /echo #1 code 1000 (0 open)'],
    [formatClose('/broadcast', 2, 4000, 'bye', 1), 'close /broadcast #2 code 4000 "bye" (1 open)'],
    [formatClose('/echo', 3, 1000, 'evil\u001b[2Jreason\n', 0), 'close /echo #3 code 1000 "evil\\u001b[2Jreason\\n" (0 open)'],
    [formatSocketError('/echo', 4, 'Max payload size exceeded'), 'error /echo #4: Max payload size exceeded'],
    [formatRefusedPipelining(16), 'refused a connection: more than 16 requests pipelined without reading the answers; closed it'],
    [formatServeError('/srv/docs.html', 'EIO: i/o error, read'), 'error serving /srv/docs.html: EIO: i/o error, read'],
  ])('formats %j', (line, expected) => {
    expect(line).toBe(expected);
  });
});
