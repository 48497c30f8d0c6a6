// The one rule for "this chain entry converted", shared by the chain report
// and the digest's chain week: a paid order `o` of the person after entry
// `ce` entered the chain, and no later than the attribution window after it
// finished (or after `endOfPeriod` while it still runs). The arguments are
// SQL expressions: the period's end and the attribution days parameter.
export function convertingOrder(endOfPeriod: string, attributionDays: string): string {
  return `o.subscriber_id = ce.subscriber_id AND o.status = 'paid' AND o.paid_at > ce.entered_at
                       AND o.paid_at <= coalesce(ce.finished_at, ${endOfPeriod}) + (${attributionDays}::int * interval '1 day')`;
}
