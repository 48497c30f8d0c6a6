// GET /r/<token>: record the click on a tracked button, then redirect.
import type { CoreDeps } from "../../core/deps.ts";
import { followTrackedLink } from "../../core/delivery/clicks.ts";
import type { Handler } from "./server.ts";

export function clickRedirect(core: CoreDeps, secret: () => Promise<Buffer>): Handler {
  return async (req, res) => {
    const token = new URL(req.url ?? "/", "http://localhost").pathname.slice("/r/".length);
    const url = await followTrackedLink(core, await secret(), token, { userAgent: req.headers["user-agent"] });
    if (!url) {
      const t = core.translator;
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><meta charset="utf-8"><title>404</title><p>${t.t("en", "link-invalid")}</p><p>${t.t("ru", "link-invalid")}</p>`);
      return;
    }
    res.writeHead(302, { location: url, "cache-control": "no-store" });
    res.end();
  };
}
