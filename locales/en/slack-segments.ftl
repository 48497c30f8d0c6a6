## Slack: /segment list, show, preview, save, delete
segments-usage = Usage: `/segment list`, `/segment show NAME`, `/segment preview TEXT`, `/segment save NAME TEXT`, `/segment delete NAME`. Example: `/segment preview lifecycle = loyal and spent_90d > 5000`
segments-group-consent = Consent
segments-group-lifecycle = Loyalty funnel
segments-group-rfm = RFM classes
segments-group-nps = NPS groups
segments-group-saved = Saved segments
segments-list-hint = The name in `code` is what `/segment show` and `/send` take, e.g. `/segment show rfm:at_risk`.
segments-none-saved = None yet: `/segment save NAME TEXT`.
segments-change = { $change ->
    [0] no change since last week
   *[other] { $sign }{ $change } since last week
  }
segments-size = *{ $size }* customers, { $share } of the base ({ $base })
segments-definition = Definition
segments-text = Text form
segments-breakdown-lifecycle = By lifecycle stage
segments-breakdown-rfm = By RFM class
segments-breakdown-source = By source
segments-breakdown-language = By language
segments-sample = Sample
segments-preview-title = Preview
segments-saved = Saved segment *{ $name }*: { $size } customers.
segments-deleted = Deleted segment *{ $name }*.
segments-rfm-stale = RFM classes as of { $at }.
