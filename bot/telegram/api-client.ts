// One HTTP agent per Bot API root, with keep-alive and TCP_NODELAY: grammY's
// default agent leaves Nagle's algorithm on, and a request written as headers
// then body then waits for a delayed ACK - that halves broadcast throughput.
import http from "node:http";
import https from "node:https";
import { Api, type ApiClientOptions } from "grammy";

const agents = new Map<string, http.Agent>();

export function telegramClientOptions(apiRoot: string): ApiClientOptions {
  let agent = agents.get(apiRoot);
  if (!agent) {
    const options = { keepAlive: true, noDelay: true };
    agent = apiRoot.startsWith("https:") ? new https.Agent(options) : new http.Agent(options);
    agents.set(apiRoot, agent);
  }
  return { apiRoot, baseFetchConfig: { agent, ...(apiRoot.startsWith("https:") ? { compress: true } : {}) } as ApiClientOptions["baseFetchConfig"] };
}

export function telegramApi(token: string, apiRoot: string): Api {
  return new Api(token, telegramClientOptions(apiRoot));
}
