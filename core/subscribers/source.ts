// Where a subscriber came from: the deep link's payload (a flow's trigger
// sources use the same shape).
import { z } from "zod";

/** Deep-link payloads are what Telegram allows after ?start=: 1-64 of A-Z a-z 0-9 _ -. */
export const sourceSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
