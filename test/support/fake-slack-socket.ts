// Slack's Socket Mode, played locally: `apps.connections.open` on the fake
// Web API hands out a ws:// URL of this server; the server greets each
// connection with `hello`, sends `slash_commands`, `interactive` and
// `events_api` envelopes and waits for the app's `envelope_id` acks. Like
// Slack, it keeps every envelope until it is acknowledged: one sent while no
// connection is open, or on a connection that drops before the ack, goes out
// again (with `retry_attempt`) on the next connection.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export type EnvelopeType = "slash_commands" | "interactive" | "events_api";

interface Pending {
  envelope: { envelope_id: string; type: EnvelopeType; payload: Record<string, unknown>; accepts_response_payload: boolean; retry_attempt: number };
  resolve: (ack: Record<string, unknown>) => void;
}

export class FakeSlackSocket {
  /** Connections the app opened (each after an apps.connections.open). */
  connections = 0;
  private server = http.createServer((_req, res) => res.writeHead(404).end());
  private wss = new WebSocketServer({ noServer: true });
  private socket: WebSocket | undefined;
  private pending = new Map<string, Pending>();
  private waiters: (() => void)[] = [];
  private port = 0;

  async start(): Promise<this> {
    this.server.on("upgrade", (req, socket, head) => this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws)));
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** What apps.connections.open answers. */
  openUrl(): string {
    return `ws://127.0.0.1:${this.port}/link/?ticket=${crypto.randomUUID()}`;
  }

  get connected(): boolean {
    return this.socket?.readyState === 1;
  }

  /** Sends an envelope (now, or once the app is connected) and resolves with the payload of its ack. */
  send(type: EnvelopeType, payload: Record<string, unknown>): Promise<Record<string, unknown>> {
    const envelope = { envelope_id: crypto.randomUUID(), type, payload, accepts_response_payload: type !== "events_api", retry_attempt: 0 };
    return new Promise((resolve) => {
      this.pending.set(envelope.envelope_id, { envelope, resolve });
      this.transmit(envelope.envelope_id);
    });
  }

  /** Slack's way of recycling a connection: a `disconnect` message; the app opens a new one. */
  askToReconnect(reason = "refresh_requested"): void {
    this.socket?.send(JSON.stringify({ type: "disconnect", reason, debug_info: { host: "fake-slack" } }));
  }

  /** The network drops the connection: no close handshake. */
  drop(): void {
    this.socket?.terminate();
    this.socket = undefined;
  }

  /** Waits until the app has opened `count` connections and the latest is open. */
  async waitForConnection(count: number, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(this.connections >= count && this.connected)) {
      if (Date.now() > deadline) throw new Error(`Socket Mode: connection ${count} not opened within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 200);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private accept(ws: WebSocket): void {
    this.socket = ws;
    this.connections += 1;
    ws.on("message", (data) => this.onAck(String(data)));
    ws.on("close", () => {
      if (this.socket === ws) this.socket = undefined;
    });
    ws.send(JSON.stringify({ type: "hello", num_connections: 1, debug_info: { host: "fake-slack", approximate_connection_time: 18060 }, connection_info: { app_id: "A0CHATLOOP" } }));
    // Everything not yet acknowledged goes out again on the new connection.
    for (const id of this.pending.keys()) this.transmit(id, true);
    for (const w of this.waiters.splice(0)) w();
  }

  private transmit(id: string, retry = false): void {
    const p = this.pending.get(id);
    if (!p || !this.connected) return;
    if (retry && p.envelope.type === "events_api") p.envelope.retry_attempt += 1;
    this.socket!.send(JSON.stringify(p.envelope));
  }

  private onAck(text: string): void {
    let message: { envelope_id?: string; payload?: Record<string, unknown> };
    try {
      message = JSON.parse(text) as typeof message;
    } catch {
      return;
    }
    const p = message.envelope_id ? this.pending.get(message.envelope_id) : undefined;
    if (!p) return;
    this.pending.delete(message.envelope_id!);
    p.resolve(message.payload ?? {});
  }
}
