// Resolves a Slack user's permissions: their own id and the user groups they
// belong to (usergroups.users.list, cached for five minutes) against the roles
// configured in SLACK_ADMINS / SLACK_SENDERS / SLACK_APPROVERS / SLACK_VIEWERS.
import type { WebClient } from "@slack/web-api";
import { groupIds, permissionsOf, type AccessPolicy, type Permission } from "../../core/access/roles.ts";
import type { Logger } from "../../core/logger.ts";
import { Refusal } from "./reply.ts";

const GROUP_CACHE_MS = 5 * 60_000;

export interface SlackAccess {
  permissions(userId: string): Promise<Set<Permission>>;
  /** Throws a Refusal (answered politely) when the user lacks the permission. */
  require(userId: string, permission: Permission): Promise<void>;
}

export function slackAccess(
  client: WebClient,
  policy: AccessPolicy,
  denied: (permission: Permission) => string,
  logger: Logger,
): SlackAccess {
  let cache: { at: number; members: Map<string, string[]> } | undefined;
  async function groupsOf(userId: string): Promise<string[]> {
    const ids = groupIds(policy);
    if (ids.length === 0) return [];
    if (!cache || Date.now() - cache.at > GROUP_CACHE_MS) {
      const members = new Map<string, string[]>();
      for (const id of ids) {
        try {
          const res = await client.usergroups.users.list({ usergroup: id });
          members.set(id, res.users ?? []);
        } catch (err) {
          logger.warn({ err, usergroup: id }, "could not read a Slack user group; its members get no role from it");
          members.set(id, []);
        }
      }
      cache = { at: Date.now(), members };
    }
    return ids.filter((id) => cache!.members.get(id)?.includes(userId));
  }
  const access: SlackAccess = {
    async permissions(userId) {
      return permissionsOf(policy, userId, await groupsOf(userId));
    },
    async require(userId, permission) {
      if (!(await access.permissions(userId)).has(permission)) throw new Refusal({ text: denied(permission) });
    },
  };
  return access;
}
