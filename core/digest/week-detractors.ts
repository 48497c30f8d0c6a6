// The week's detractors for the digest: how many (counted like the NPS figure:
// each person's latest NPS answer in the period, 0-6), what they complain
// about, and a few of their own words.
//
// "What they complain about" is the words most detractors used, counted in
// SQL: comments are lower-cased (Cyrillic too, whatever the database's
// locale), split into words, stop words dropped, and words folded to a crude
// stem (the first six letters of a long word, a plural "s" off a short one)
// so "delivery"/"deliveries" and "доставка"/"доставку" count together. A word
// is a reason when at least two detractors used it; it is shown in the form
// they used most. Crude, but it names the recurring theme without a language
// model, and the quotes next to it give the context.
import type { CoreDeps } from "../deps.ts";
import { SqlParams } from "../db/sql-params.ts";
import { previousPeriod, type Period } from "../metrics/period.ts";

export interface WeekDetractors {
  count: number;
  previous: number;
  /** Words used by 2+ detractors, most used first (at most MAX_REASONS). */
  reasons: { term: string; count: number }[];
  /** The latest comments (at most 3), trimmed. */
  quotes: { score: number; comment: string }[];
  /** Where this period's detractors were acquired (null: no source). */
  bySource: { source: string | null; count: number }[];
}

const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ";
const LOWER = "abcdefghijklmnopqrstuvwxyzабвгдеёжзийклмнопрстуфхцчшщъыьэюя";
const QUOTE_LENGTH = 200;
export const MAX_REASONS = 4;

/** Words that carry no reason. Short words (under 3 letters) are dropped anyway. */
export const STOP_WORDS = [
  // English
  "the", "and", "for", "you", "your", "was", "were", "are", "not", "but", "with", "too", "very", "this", "that", "these", "those",
  "have", "has", "had", "they", "them", "their", "there", "from", "all", "just", "only", "can", "cannot", "could", "would", "should",
  "what", "when", "been", "more", "much", "some", "any", "our", "out", "its", "it's", "one", "also", "than", "then", "will", "did",
  "didn", "don", "doesn", "got", "get", "really", "even", "still", "about", "after", "because", "which", "who", "how", "why", "here",
  "over", "into", "like", "never", "ever", "again", "other", "thing", "things", "time", "order", "ordered", "shop", "store",
  "took", "take", "taken", "two", "three", "four", "five", "came", "come", "went", "made", "make", "said", "see", "way", "bit", "lot",
  // Russian
  "это", "как", "что", "так", "все", "всё", "уже", "очень", "было", "были", "был", "была", "для", "нет", "они", "оно", "она", "его",
  "мне", "меня", "вас", "вам", "ваш", "ваша", "ваши", "вашей", "вашего", "при", "где", "еще", "ещё", "или", "когда", "только", "тоже",
  "даже", "потому", "чем", "если", "может", "можно", "будет", "есть", "без", "над", "под", "про", "через", "после", "чтобы", "этот",
  "эта", "эти", "того", "тем", "там", "тут", "вот", "вообще", "просто", "совсем", "раз", "заказ", "заказа", "заказе", "магазин",
  "шла", "шёл", "заняла", "занял", "заняло", "две", "два", "три", "такого", "такой", "свой", "свою",
];

export async function weekDetractors(deps: CoreDeps, options: { period: Period }): Promise<WeekDetractors> {
  const { prisma } = deps.db;
  const p = new SqlParams();
  const from = p.add(options.period.from, "timestamptz");
  const to = p.add(options.period.to, "timestamptz");
  const before = p.add(previousPeriod(options.period).from, "timestamptz");
  // Each person's latest NPS answer per period, as the NPS figure counts them (erased people included: scores are kept).
  const latest = `SELECT DISTINCT ON (r.subscriber_id, r.answered_at >= ${from}) r.id, r.subscriber_id, r.score, r.comment,
                         r.answered_at, r.answered_at >= ${from} AS current
                    FROM survey_response r
                   WHERE r.kind = 'nps' AND r.score IS NOT NULL AND r.answered_at >= ${before} AND r.answered_at < ${to}
                   ORDER BY r.subscriber_id, r.answered_at >= ${from}, r.answered_at DESC, r.id DESC`;
  const [counts] = await prisma.$queryRawUnsafe<{ count: number; previous: number }[]>(
    `SELECT count(*) FILTER (WHERE current)::int AS count, count(*) FILTER (WHERE NOT current)::int AS previous
       FROM (${latest}) x WHERE x.score <= 6`,
    ...p.values,
  );
  const detractors = `SELECT x.* FROM (${latest}) x WHERE x.current AND x.score <= 6`;
  const stop = p.add(JSON.stringify(STOP_WORDS), "jsonb");
  const reasons = await prisma.$queryRawUnsafe<{ term: string; count: number }[]>(
    `WITH words AS (
       SELECT d.id, w
         FROM (${detractors}) d,
              regexp_split_to_table(translate(lower(d.comment), ${p.add(UPPER, "text")}, ${p.add(LOWER, "text")}), '[^a-zа-яё]+') AS w
        WHERE d.comment IS NOT NULL),
     useful AS (
       SELECT id, w, CASE WHEN length(w) > 6 THEN left(w, 6) ELSE regexp_replace(w, 's$', '') END AS stem
         FROM words
        WHERE length(w) >= 3 AND w NOT IN (SELECT jsonb_array_elements_text(${stop})))
     SELECT mode() WITHIN GROUP (ORDER BY w) AS term, count(DISTINCT id)::int AS count
       FROM useful GROUP BY stem
     HAVING count(DISTINCT id) >= 2
      ORDER BY 2 DESC, 1 LIMIT ${MAX_REASONS}`,
    ...p.values,
  );
  const quotes = await prisma.$queryRawUnsafe<{ score: number; comment: string }[]>(
    `SELECT d.score, d.comment FROM (${detractors}) d
      WHERE d.comment IS NOT NULL AND btrim(d.comment) <> ''
      ORDER BY d.answered_at DESC, d.id DESC LIMIT 3`,
    ...p.values.slice(0, 3),
  );
  const bySource = await prisma.$queryRawUnsafe<{ source: string | null; count: number }[]>(
    `SELECT s.source, count(*)::int AS count FROM (${detractors}) d JOIN subscriber s ON s.id = d.subscriber_id
      GROUP BY s.source ORDER BY 2 DESC, 1 NULLS LAST`,
    ...p.values.slice(0, 3),
  );
  return {
    count: counts?.count ?? 0,
    previous: counts?.previous ?? 0,
    reasons,
    quotes: quotes.map((q) => ({ score: q.score, comment: trimQuote(q.comment) })),
    bySource,
  };
}

function trimQuote(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > QUOTE_LENGTH ? `${oneLine.slice(0, QUOTE_LENGTH - 1)}…` : oneLine;
}
