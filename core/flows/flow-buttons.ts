// Button data of flow questions: the session id, the question's turn and what
// was pressed - a few bytes whatever the flow or step ids are. A press whose
// turn is not the session's current one is a late or double tap: harmless.
import { z } from "zod";
import { defineCallback } from "../button-data.ts";

export const flowButton = defineCallback(
  "fl",
  z.object({
    session: z.string().regex(/^\d{1,10}$/),
    turn: z.string().regex(/^\d{1,6}$/),
    // o<n>: option n; d: done (multiple choice); s: skip; h: talk to a person; c: continue; r: restart
    action: z.string().regex(/^(o\d{1,2}|d|s|h|c|r)$/),
  }),
);

export type FlowAction =
  | { kind: "option"; index: number }
  | { kind: "done" }
  | { kind: "skip" }
  | { kind: "human" }
  | { kind: "continue" }
  | { kind: "restart" };

export function packFlowButton(session: { id: number; turn: number }, action: FlowAction): string {
  const code =
    action.kind === "option" ? `o${action.index}` : ({ done: "d", skip: "s", human: "h", continue: "c", restart: "r" } as const)[action.kind];
  return flowButton.pack({ session: String(session.id), turn: String(session.turn), action: code });
}

export function unpackFlowButton(data: string | undefined): { sessionId: number; turn: number; action: FlowAction } | undefined {
  const raw = flowButton.unpack(data);
  if (!raw) return undefined;
  const code = raw.action;
  const action: FlowAction =
    code.startsWith("o")
      ? { kind: "option", index: Number(code.slice(1)) }
      : { kind: ({ d: "done", s: "skip", h: "human", c: "continue", r: "restart" } as const)[code as "d" | "s" | "h" | "c" | "r"] };
  return { sessionId: Number(raw.session), turn: Number(raw.turn), action };
}
