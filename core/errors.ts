// Domain errors carry a stable code; the adapters map codes to polite replies.
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export class NotFound extends DomainError {
  constructor(what: string, id: string | number) {
    super("not_found", `${what} ${id} was not found`, { what, id });
  }
}
