// What every flow use case needs to talk to one person: their language and
// timezone, and the texts of the locales in that language.
import type { CoreDeps } from "../deps.ts";
import type { TextVariables } from "../i18n.ts";
import type { Subscriber } from "../../generated/prisma/client.ts";
import type { EvaluationContext } from "./flow-answers.ts";

export interface Speaker {
  language: string;
  timezone: string;
  t: (key: string, vars?: TextVariables) => string;
}

export function speakerFor(deps: CoreDeps, subscriber: Subscriber): Speaker {
  const language = subscriber.language;
  return {
    language,
    timezone: subscriber.timezone ?? deps.teamTimezone,
    t: (key, vars) => deps.translator.t(language, key, vars),
  };
}

export function evaluationContext(deps: CoreDeps, speaker: Speaker): EvaluationContext {
  return { translator: deps.translator, language: speaker.language, now: deps.clock.now(), timezone: speaker.timezone, dateOrder: deps.dateOrder ?? "dmy" };
}
