import { describe, expect, test } from "vitest";
import { sampleLine } from "./segments-view.ts";

const maria = { id: 12, firstName: "Maria", lastName: "Kowalska", username: "mkowalska", email: "maria.k@example.com", phone: "+48601234567", telegramId: "555" };

describe("a sample customer in /segment show", () => {
  test("viewers see a first name and an initial with masked contacts; admins see everything", () => {
    expect(sampleLine(maria, false)).toBe("• Maria K. (#12) - m***@example.com, **********67");
    expect(sampleLine(maria, true)).toBe("• Maria Kowalska (#12) - maria.k@example.com, +48601234567");
  });

  test("with no name a viewer sees the id, never the @username", () => {
    const anonymous = { ...maria, firstName: null, lastName: null, email: null, phone: null };
    expect(sampleLine(anonymous, false)).toBe("• #12");
    expect(sampleLine(anonymous, true)).toBe("• @mkowalska (#12)");
  });
});
