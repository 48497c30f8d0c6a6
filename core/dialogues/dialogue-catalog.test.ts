import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { loadDialogues } from "./dialogue-catalog.ts";
import { FlowCatalog } from "../flows/flow-catalog.ts";
import { flowButton, packFlowButton } from "../flows/flow-buttons.ts";
import { packSurveyButton } from "../surveys/survey-buttons.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function flowsDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "chatloop-flows-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const validFlow = (id = "mini", extra = "") => `id: ${id}
name: { en: Mini, ru: Мини }
qualification: { hot: 10, warm: 5 }
outro:
  default: { en: Thanks, ru: Спасибо }
${extra}
steps:
  - id: pick
    type: single
    text: { en: Pick one, ru: Выберите }
    options:
      - { value: a, label: { en: A, ru: А }, score: 10, next: mail }
      - { value: b, label: { en: B, ru: Б } }
  - id: mail
    type: email
    text: { en: E-mail?, ru: E-mail? }
    save: email
`;

describe("flow and survey files", () => {
  test("the shipped flows and surveys load", () => {
    const catalog = loadDialogues();
    expect(catalog.flows.all().map((f) => f.id).sort()).toEqual(["b2b-lead", "shoe-finder"]);
    expect(catalog.surveys.all().map((s) => s.id).sort()).toEqual(["csat-delivery", "feedback", "nps"]);
    expect(catalog.flows.forStartPayload("flow_shoe-finder")?.id).toBe("shoe-finder");
    expect(catalog.flows.forStartPayload("site_pricing")?.id).toBe("b2b-lead");
    expect(catalog.flows.forStartPayload("instagram_bio")).toBeUndefined();
    expect(catalog.flows.forCommand("choose")?.id).toBe("shoe-finder");
    expect(catalog.flows.forKeyword("Hi! Could you help me choose some sneakers?")?.id).toBe("shoe-finder");
    expect(catalog.flows.forKeyword("Подобрать кроссовки")?.id).toBe("shoe-finder");
    expect(catalog.flows.forKeyword("choose")).toBeUndefined();
    expect(catalog.surveys.forCommand("feedback")?.kind).toBe("feedback");
  });

  test("YAML and JSON files are read; sub-folders of qualification/ are not flows", () => {
    const json = JSON.stringify({
      id: "json-flow",
      name: { en: "J", ru: "Д" },
      qualification: { hot: 1, warm: 0 },
      outro: { default: { en: "x", ru: "х" } },
      steps: [{ id: "q", type: "text", text: { en: "?", ru: "?" } }],
    });
    const dir = flowsDir({ "qualification/mini.yaml": validFlow(), "qualification/j.json": json, "qualification/drafts/broken.yaml": "id: [" });
    expect(loadDialogues(dir).flows.all().map((f) => f.id).sort()).toEqual(["json-flow", "mini"]);
  });

  test.each([
    ["a branch to a step that does not exist", validFlow().replace("next: mail", "next: phone"), /qualification\/mini\.yaml: steps\[0\]\.options\[0\]\.next \(line 12\): unknown step "phone"/],
    ["a missing Russian text", validFlow().replace("text: { en: Pick one, ru: Выберите }", "text: { en: Pick one }"), /mini\.yaml: steps\[0\]\.text\.ru \(line 10\): is missing/],
    ["an unknown question type", validFlow().replace("type: email", "type: emoji"), /mini\.yaml: steps\[1\]\.type \(line 15\): expected type: single, multiple/],
    ["eleven options", validFlow().replace("      - { value: b, label: { en: B, ru: Б } }", Array.from({ length: 10 }, (_, i) => `      - { value: o${i}, label: { en: O, ru: О } }`).join("\n")), /mini\.yaml: steps\[0\]\.options \(line \d+\): .*10/],
    ["a YAML syntax error", "id: mini\nname: { en: Mini, ru: [ }\n", /mini\.yaml \(line \d+\): /],
    ["warm above hot", validFlow().replace("{ hot: 10, warm: 5 }", "{ hot: 10, warm: 50 }"), /mini\.yaml: qualification \(line 3\): warm must not be above hot/],
    ["a typo in a key", validFlow().replace("save: email", "sav: email"), /mini\.yaml: steps\[1\] \(line \d+\): .*sav/],
    ["a phone answer saved as e-mail", validFlow().replace("type: email", "type: phone"), /steps\[1\]\.save .*only an email step can save to email/],
  ])("%s stops the start with the file, the path and what is wrong", (_what, text, message) => {
    const dir = flowsDir({ "qualification/mini.yaml": text });
    expect(() => loadDialogues(dir)).toThrow(message);
  });

  test("two files cannot claim the same id, command or source, nor a command the bot owns", () => {
    expect(() => loadDialogues(flowsDir({ "qualification/a.yaml": validFlow("same"), "qualification/b.yaml": validFlow("same") }))).toThrow(
      /b\.yaml: flow id "same" is already used by .*a\.yaml/,
    );
    const withCommand = (id: string, command: string) => validFlow(id, `triggers:\n  commands: [${command}]`);
    expect(() => loadDialogues(flowsDir({ "qualification/a.yaml": withCommand("a", "go"), "qualification/b.yaml": withCommand("b", "go") }))).toThrow(/\/go is already used/);
    expect(() => loadDialogues(flowsDir({ "qualification/a.yaml": withCommand("a", "stop") }))).toThrow(/\/stop is already used by the bot itself/);
  });

  test("a survey file is checked the same way", () => {
    const survey = `id: nps2
kind: nps
name: { en: NPS, ru: NPS }
question: { en: "0-10?", ru: "0-10?" }
thanks: { default: { en: Thanks, ru: Спасибо } }
cooldownDays: -1
`;
    expect(() => loadDialogues(flowsDir({ "surveys/nps2.yaml": survey }))).toThrow(/surveys\/nps2\.yaml: cooldownDays \(line 6\): /);
  });

  test("button data stays within Telegram's 64 bytes whatever the ids", () => {
    const catalog = new FlowCatalog([]);
    expect(catalog.all()).toEqual([]);
    const data = packFlowButton({ id: 2_147_483_647, turn: 999_999 }, { kind: "option", index: 9 });
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(flowButton.unpack(data)).toEqual({ session: "2147483647", turn: "999999", action: "o9" });
    expect(Buffer.byteLength(packSurveyButton(2_147_483_647, 10))).toBeLessThanOrEqual(64);
    expect(flowButton.unpack("fl:1:1:o999")).toBeUndefined();
    expect(flowButton.unpack("fl:x:1:d")).toBeUndefined();
  });
});
