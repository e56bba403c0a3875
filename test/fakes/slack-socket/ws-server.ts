/**
 * A minimal WebSocket server (RFC 6455) on `node:http`, enough for the fake Socket Mode server: the upgrade
 * handshake (no extensions, no subprotocols), text frames both ways (fragmented client messages reassembled), close
 * handshake, pong for every ping. Client frames must be masked (protocol error 1002 otherwise); server frames are not.
 * Written here because `ws` is not installed (`@slack/socket-mode` 3 uses undici's WebSocket client).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
/** How long a close frame we sent waits for the peer's before the socket is destroyed. */
const CLOSE_WAIT_MS = 1000;

const OP = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

export interface WsClosed {
  /** The close code the peer sent (absent when the TCP connection ended without a close frame). */
  code?: number;
  /** Both close frames were exchanged before the TCP connection ended. */
  clean: boolean;
}

export interface WsConnection {
  readonly request: IncomingMessage;
  readonly open: boolean;
  sendText(text: string): void;
  /** Starts the close handshake; resolves once the TCP connection is gone. */
  close(code?: number, reason?: string): Promise<WsClosed>;
  /** Ends the TCP connection without a close frame (a dropped link). */
  destroy(): void;
  readonly closed: Promise<WsClosed>;
}

export interface WsServerOptions {
  /** Refuses an upgrade with this HTTP status and text, or accepts it (undefined). */
  refuse?(request: IncomingMessage): { status: number; text: string } | undefined;
  onConnection(connection: WsConnection): void;
  /** Every text message from a client. */
  onText(connection: WsConnection, text: string): void;
}

export interface WsServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function encodeFrame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  let header: Buffer;
  if (length < 126) {
    header = Buffer.alloc(2);
    header[1] = length;
  } else if (length < 65536) {
    header = Buffer.alloc(4);
    header[1] = 126;
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header[1] = 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  header[0] = 0x80 | opcode;
  return Buffer.concat([header, payload]);
}

interface Frame {
  fin: boolean;
  opcode: number;
  payload: Buffer;
}

/** Reads whole frames off the front of `buffer`; `error` is a close code for a frame the server must refuse. */
function readFrames(buffer: Buffer): { frames: Frame[]; rest: Buffer; error?: number } {
  const frames: Frame[] = [];
  let offset = 0;
  for (;;) {
    if (buffer.length - offset < 2) break;
    const b0 = buffer[offset]!;
    const b1 = buffer[offset + 1]!;
    if (b0 & 0x70) return { frames, rest: Buffer.alloc(0), error: 1002 };
    if (!(b1 & 0x80)) return { frames, rest: Buffer.alloc(0), error: 1002 };
    let length = b1 & 0x7f;
    let cursor = offset + 2;
    if (length === 126) {
      if (buffer.length - cursor < 2) break;
      length = buffer.readUInt16BE(cursor);
      cursor += 2;
    } else if (length === 127) {
      if (buffer.length - cursor < 8) break;
      const big = buffer.readBigUInt64BE(cursor);
      if (big > BigInt(MAX_MESSAGE_BYTES)) return { frames, rest: Buffer.alloc(0), error: 1009 };
      length = Number(big);
      cursor += 8;
    }
    if (length > MAX_MESSAGE_BYTES) return { frames, rest: Buffer.alloc(0), error: 1009 };
    if (buffer.length - cursor < 4 + length) break;
    const mask = buffer.subarray(cursor, cursor + 4);
    cursor += 4;
    const payload = Buffer.from(buffer.subarray(cursor, cursor + length));
    for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
    frames.push({ fin: Boolean(b0 & 0x80), opcode: b0 & 0x0f, payload });
    offset = cursor + length;
  }
  return { frames, rest: buffer.subarray(offset) };
}

function closePayload(code: number, reason = ''): Buffer {
  const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
  payload.writeUInt16BE(code, 0);
  payload.write(reason, 2);
  return payload;
}

function accept(socket: Socket, request: IncomingMessage, head: Buffer, options: WsServerOptions): void {
  let buffer: Buffer = Buffer.from(head);
  let fragments: Buffer[] = [];
  let fragmentOpcode = 0;
  let closeSent = false;
  let closeReceived: number | undefined;
  let gotCloseFrame = false;
  let open = true;
  let closeTimer: NodeJS.Timeout | undefined;
  let settle!: (closed: WsClosed) => void;
  const closed = new Promise<WsClosed>((resolve) => (settle = resolve));

  const write = (opcode: number, payload: Buffer) => {
    if (!socket.destroyed && socket.writable) socket.write(encodeFrame(opcode, payload));
  };
  const sendClose = (code: number, reason = '') => {
    if (closeSent) return;
    closeSent = true;
    open = false;
    write(OP.close, code === 1005 ? Buffer.alloc(0) : closePayload(code, reason));
  };
  const connection: WsConnection = {
    request,
    get open() {
      return open && !socket.destroyed;
    },
    sendText: (text) => {
      if (!connection.open) throw new Error('the WebSocket connection is not open');
      write(OP.text, Buffer.from(text, 'utf8'));
    },
    close: (code = 1000, reason = '') => {
      if (!socket.destroyed) {
        sendClose(code, reason);
        if (gotCloseFrame) socket.end();
        else closeTimer ??= setTimeout(() => socket.destroy(), CLOSE_WAIT_MS);
      }
      return closed;
    },
    destroy: () => {
      open = false;
      socket.destroy();
    },
    closed,
  };

  socket.setNoDelay(true);
  socket.on('error', () => undefined);
  socket.on('close', () => {
    open = false;
    clearTimeout(closeTimer);
    settle({ ...(closeReceived !== undefined ? { code: closeReceived } : {}), clean: closeSent && gotCloseFrame });
  });
  const onData = (chunk: Buffer) => {
    buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
    const { frames, rest, error } = readFrames(buffer);
    buffer = rest;
    for (const frame of frames) {
      if (gotCloseFrame) return;
      switch (frame.opcode) {
        case OP.ping:
          write(OP.pong, frame.payload);
          break;
        case OP.pong:
          break;
        case OP.close:
          gotCloseFrame = true;
          closeReceived = frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : 1005;
          sendClose(closeReceived === 1005 ? 1000 : closeReceived);
          // The server ends the TCP connection once both close frames have passed (RFC 6455 §7.1.1).
          socket.end();
          break;
        case OP.text:
        case OP.binary:
        case OP.continuation: {
          if (frame.opcode !== OP.continuation) {
            fragments = [];
            fragmentOpcode = frame.opcode;
          }
          fragments.push(frame.payload);
          if (!frame.fin) break;
          const message = Buffer.concat(fragments);
          fragments = [];
          if (fragmentOpcode === OP.text) options.onText(connection, message.toString('utf8'));
          break;
        }
        default:
          sendClose(1002);
          socket.end();
          return;
      }
    }
    if (error !== undefined) {
      sendClose(error);
      socket.end();
    }
  };
  socket.on('data', onData);

  const key = String(request.headers['sec-websocket-key']);
  const acceptKey = createHash('sha1').update(key + GUID).digest('base64');
  socket.write(['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${acceptKey}`, '', ''].join('\r\n'));
  options.onConnection(connection);
  if (buffer.length) onData(Buffer.alloc(0));
}

function refuseUpgrade(socket: Socket, status: number, text: string): void {
  const body = Buffer.from(text, 'utf8');
  socket.end(
    [`HTTP/1.1 ${status} ${status === 401 ? 'Unauthorized' : status === 404 ? 'Not Found' : 'Bad Request'}`, 'Content-Type: text/plain', `Content-Length: ${body.length}`, 'Connection: close', '', ''].join('\r\n') +
      body.toString('utf8'),
  );
}

/** Starts the server on 127.0.0.1 (port 0: any free port). */
export async function startWsServer(options: WsServerOptions, port = 0): Promise<WsServer> {
  const sockets = new Set<Socket>();
  const server = createServer((_request, response) => {
    response.writeHead(426, { 'content-type': 'text/plain' }).end('WebSocket upgrade required');
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on('error', () => undefined);
    const upgrade = String(request.headers.upgrade ?? '').toLowerCase();
    if (request.method !== 'GET' || upgrade !== 'websocket' || !request.headers['sec-websocket-key'] || request.headers['sec-websocket-version'] !== '13') {
      refuseUpgrade(socket, 400, 'not a WebSocket upgrade');
      return;
    }
    const refusal = options.refuse?.(request);
    if (refusal) {
      refuseUpgrade(socket, refusal.status, refusal.text);
      return;
    }
    accept(socket, request, head, options);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `ws://127.0.0.1:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
