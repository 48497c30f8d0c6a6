// Who may do what from Slack. Roles are lists of Slack user ids (U...) or
// user-group ids (S...): viewers look at segments and metrics, senders
// schedule campaigns, approvers approve other people's campaigns, admins do
// everything (audit log, data export and erasure, PII in samples).
export type Permission = "view" | "send" | "approve" | "admin" | "see_pii";

export interface AccessPolicy {
  admins: string[];
  senders: string[];
  approvers: string[];
  /** null: everyone in the workspace may view. */
  viewers: string[] | null;
}

const GRANTS: Record<"admins" | "senders" | "approvers" | "viewers", Permission[]> = {
  admins: ["view", "send", "approve", "admin", "see_pii"],
  approvers: ["view", "approve"],
  senders: ["view", "send"],
  viewers: ["view"],
};

/** Every configured id that is a user group (S...), to resolve to members. */
export function groupIds(policy: AccessPolicy): string[] {
  return [...new Set([...policy.admins, ...policy.senders, ...policy.approvers, ...(policy.viewers ?? [])].filter((id) => id.startsWith("S")))];
}

/** The permissions of a user who is `userId` and a member of `groups`. */
export function permissionsOf(policy: AccessPolicy, userId: string, groups: string[]): Set<Permission> {
  const identities = new Set([userId, ...groups]);
  const has = (list: string[]) => list.some((id) => identities.has(id));
  const granted = new Set<Permission>();
  for (const role of ["admins", "senders", "approvers"] as const) if (has(policy[role])) GRANTS[role].forEach((p) => granted.add(p));
  if (policy.viewers === null || has(policy.viewers)) granted.add("view");
  return granted;
}

export function parseIdList(text: string | undefined): string[] {
  return (text ?? "")
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
