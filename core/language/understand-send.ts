// `/send <words>`: audience, message and time in any order, e.g.
// `loyal customers "Thanks for being with us!" tomorrow at 10am` ->
// `lifecycle:loyal "Thanks for being with us!" 2026-12-04 10:00`, the exact
// /send arguments. The audience is read like `/segment <description>`; the
// message is the quoted text (or a saved template's name, or a survey);
// the time is found by chrono-node; "with a 10% holdout" becomes --holdout 10%.
// A refusal names the part that failed, audience first.
import { BUILT_IN_SEGMENTS } from "../segments/built-in-segments.ts";
import { formatSegmentText } from "../segments/format-segment-text.ts";
import { exactWhen, findTime } from "./find-time.ts";
import { readAudience, type AudienceOption } from "./read-audience.ts";
import { readPieces, type NameKind, type Piece } from "./read-pieces.ts";
import { quotedText } from "./quoted-text.ts";
import { refusal, type UnderstandContext, type Understanding } from "./understanding.ts";

const BUILT_IN_BY_RULE = new Map(BUILT_IN_SEGMENTS.map((s) => [formatSegmentText(s.definition), s.key]));

export function understandSend(text: string, context: UnderstandContext): Understanding {
  const { quoted, rest, unclosed } = quotedText(text);
  const time = findTime(rest, context.now, context.timezone);
  const words = time ? `${rest.slice(0, time.index)} ${rest.slice(time.index + time.text.length)}` : rest;
  const { pieces, corrected } = readPieces(words, "send", context.names);

  const extras = sendExtras(pieces);
  const audience = readAudience(extras.audience);
  if (audience.kind === "refusal") {
    // Nothing quoted and no template or survey: words the audience cannot place are most likely the message, unquoted
    // ("winback a 10% discount tomorrow at 10"); say both, so the fix is plain.
    const noMessage = quoted.length === 0 && !unclosed && !extras.template && !extras.survey && !extras.flow;
    if (noMessage && audience.problem === "unknown_words") {
      // A near name ("vpi" -> vip_ru, a template) still helps; near vocabulary ("discount" -> count) does not, for a message.
      const { segments, tags, sources, templates } = context.names;
      const named = new Set([...segments, ...tags, ...sources, ...templates].map((n) => n.toLowerCase()));
      return refusal("message", "unquoted_message", audience.words, audience.suggestions.filter((s) => named.has(s.toLowerCase().replace(/^tag:/, ""))));
    }
    return refusal("audience", audience.problem, audience.words, audience.suggestions);
  }

  const content = extras.survey ? `--survey ${extras.survey}` : extras.flow ? `--flow ${extras.flow}` : undefined;
  if (unclosed) return refusal("message", "no_message");
  if (quoted.length > 1) return refusal("message", "two_messages", quoted);
  if (content && (quoted.length || extras.template)) return refusal("message", "survey_and_message", [extras.survey ?? extras.flow ?? ""]);
  const message = quoted[0] !== undefined ? quote(quoted[0]) : extras.template;
  if (!message && !content) return refusal("message", "no_message");
  const when = extras.now ? "now" : time ? exactWhen(time.at, context.timezone) : undefined;
  if (!when) return refusal("when", "no_time");

  const tail = [message, when, extras.holdout ? `--holdout ${extras.holdout}%` : undefined, content].filter(Boolean).join(" ");
  const options = audience.kind === "choice" ? audience.options : [audience];
  const forms = options.map((o) => `${audienceWord(o)} ${tail}`);
  return forms.length === 1 ? { kind: "exact", form: forms[0]!, corrected } : { kind: "choice", forms, corrected };
}

interface SendExtras {
  audience: Piece[];
  holdout?: number;
  survey?: string;
  flow?: string;
  template?: string;
  now: boolean;
}

/** Takes the holdout, survey, flow, template and "now" out of the pieces; the rest describe the audience. */
function sendExtras(pieces: Piece[]): SendExtras {
  const extras: SendExtras = { audience: [], now: false };
  const taken = new Set<number>();
  const nameAt = (i: number, kind: NameKind) => {
    const p = pieces[i];
    return p?.is === "name" ? p.matches.find((m) => m.kind === kind && m.exact)?.name : undefined;
  };
  pieces.forEach((p, i) => {
    if (p.is === "holdout") {
      taken.add(i);
      // The percentage next to it: "10% holdout", "holdout of 10%", "с контрольной группой 10%".
      for (const j of [i + 1, i + 2, i - 1, i - 2, i + 3]) {
        const n = pieces[j];
        if (n?.is === "number" && !taken.has(j)) {
          extras.holdout = n.value;
          taken.add(j);
          if (pieces[j + 1]?.is === "percent") taken.add(j + 1);
          break;
        }
      }
    } else if (p.is === "now") {
      extras.now = true;
      taken.add(i);
    } else if (p.is === "marker" && (p.of === "survey" || p.of === "flow" || p.of === "template")) {
      const kind = ({ survey: "surveys", flow: "flows", template: "templates" } as const)[p.of];
      for (const j of [i + 1, i - 1]) {
        const name = nameAt(j, kind);
        if (name) {
          if (p.of === "survey") extras.survey = name;
          else if (p.of === "flow") extras.flow = name;
          else extras.template = name;
          taken.add(i).add(j);
          break;
        }
      }
    }
  });
  pieces.forEach((p, i) => {
    if (taken.has(i) || p.is !== "name") return;
    // A template's name alone is the message; a bare survey name is not (it needs the word "survey").
    const template = nameAt(i, "templates");
    if (template && !extras.template && !p.matches.some((m) => m.kind !== "templates" && m.kind !== "surveys" && m.kind !== "flows")) {
      extras.template = template;
      taken.add(i);
    }
  });
  extras.audience = pieces.filter((p, i) => !taken.has(i) && !(p.is === "percent" && pieces[i - 1]?.is === "number" && taken.has(i - 1)));
  return extras;
}

function audienceWord(option: AudienceOption): string {
  if (option.kind === "saved") return option.name;
  return BUILT_IN_BY_RULE.get(option.rule) ?? quote(option.rule);
}

function quote(text: string): string {
  return text.includes('"') ? `«${text}»` : `"${text}"`;
}
