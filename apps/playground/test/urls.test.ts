import { describe, expect, it } from 'vitest';
import { playgroundUrls } from '../src/urls.js';

describe('playgroundUrls', () => {
  it('builds every address from the port, on localhost', () => {
    expect(playgroundUrls(8000)).toEqual({
      home: 'http://localhost:8000/',
      extension: 'http://localhost:8000/websocket.js',
      docs: 'http://localhost:8000/docs',
      demo: 'http://localhost:8000/demo',
      echo: 'ws://localhost:8000/echo',
      broadcast: 'ws://localhost:8000/broadcast',
      turbowarpEditor: 'https://turbowarp.org/editor?extension=http://localhost:8000/websocket.js',
    });
  });

  it('follows another port into the TurboWarp link', () => {
    expect(playgroundUrls(9123).turbowarpEditor).toBe('https://turbowarp.org/editor?extension=http://localhost:9123/websocket.js');
  });
});
