// The flows this deployment runs, loaded once at start, and how triggers find them.
import { containsPhrase } from "../dialogues/keywords.ts";
import type { FlowDefinition } from "./flow-definition.ts";

export const FLOW_DEEP_LINK_PREFIX = "flow_";

export class FlowCatalog {
  private readonly byId = new Map<string, FlowDefinition>();

  constructor(flows: FlowDefinition[]) {
    for (const flow of flows) this.byId.set(flow.id, flow);
  }

  get(id: string): FlowDefinition | undefined {
    return this.byId.get(id);
  }

  all(): FlowDefinition[] {
    return [...this.byId.values()];
  }

  forCommand(command: string): FlowDefinition | undefined {
    return this.all().find((f) => f.triggers.commands.includes(command.toLowerCase()));
  }

  /** ?start=flow_<id>, or a deep-link source a flow file maps to itself. */
  forStartPayload(payload: string | undefined): FlowDefinition | undefined {
    if (!payload) return undefined;
    if (payload.startsWith(FLOW_DEEP_LINK_PREFIX)) return this.get(payload.slice(FLOW_DEEP_LINK_PREFIX.length));
    return this.all().find((f) => f.triggers.sources.includes(payload));
  }

  forKeyword(text: string): FlowDefinition | undefined {
    return this.all().find((f) => f.triggers.keywords.some((k) => containsPhrase(text, k)));
  }

  static deepLinkPayload(flowId: string): string {
    return `${FLOW_DEEP_LINK_PREFIX}${flowId}`;
  }
}
