## Segments in words (/segment show), built-in segment names, breakdowns
seg-and = and
seg-or = or
seg-not = not ({ $condition })
seg-field-eq = { $field } is “{ $value }”
seg-field-ne = { $field } is not “{ $value }”
seg-field-contains = { $field } contains “{ $value }”
seg-field-exists = { $field } is filled in
seg-tag = has the tag { $values }
seg-consent = consent is { $values }
seg-blocked = has blocked the bot
seg-source = came from { $values }
seg-language = speaks { $values }
seg-lifecycle = lifecycle stage is { $values }
seg-rfm = RFM class is { $values }
seg-rfm-score = RFM { $score } score is { $cmp } { $value }
seg-nps = NPS group is { $values }
seg-nps-score = latest NPS score is { $cmp } { $value }
seg-joined = joined { $cmp } { $value } days ago
seg-orders-any = has a paid order{ $window }
seg-orders-count = has { $cmp } { $value } paid orders{ $window }
seg-orders-total = spent { $cmp } { $value }{ $window }
seg-orders-average = average order value is { $cmp } { $value }{ $window }
seg-orders-days-since-last = last paid order was { $cmp } { $value } days ago
seg-orders-days-since-first = first paid order was { $cmp } { $value } days ago
seg-event-any = did “{ $type }”{ $window }
seg-event-count = did “{ $type }” { $cmp } { $value } times{ $window }
seg-event-sum = “{ $property }” of “{ $type }” adds up to { $cmp } { $value }{ $window }
seg-event-days-since-last = last did “{ $type }” { $cmp } { $value } days ago
seg-event-days-since-first = first did “{ $type }” { $cmp } { $value } days ago
seg-none-since-order = did “{ $after }” and has paid no order since
seg-none-since-event = did “{ $after }” and has not done “{ $then }” since
seg-window-h = { $amount ->
    [one] in the last hour
   *[other] in the last { $amount } hours
  }
seg-window-d = { $amount ->
    [one] in the last day
   *[other] in the last { $amount } days
  }
seg-window-w = { $amount ->
    [one] in the last week
   *[other] in the last { $amount } weeks
  }
seg-cmp-eq = exactly
seg-cmp-ne = other than
seg-cmp-gt = more than
seg-cmp-gte = at least
seg-cmp-lt = less than
seg-cmp-lte = at most
seg-stage-potential = potential (no purchase yet)
seg-stage-new = new (one purchase)
seg-stage-repeat = repeat (2+ purchases)
seg-stage-loyal = loyal
seg-stage-churned_from_new = churned after one purchase
seg-stage-churned_from_loyal = churned after repeat purchases
seg-rfm-champions = Champions
seg-rfm-loyal = Loyal
seg-rfm-potential_loyalists = Potential loyalists
seg-rfm-new_customers = New customers
seg-rfm-promising = Promising
seg-rfm-need_attention = Need attention
seg-rfm-about_to_sleep = About to sleep
seg-rfm-at_risk = At risk
seg-rfm-cant_lose = Can't lose them
seg-rfm-hibernating = Hibernating
seg-rfm-lost = Lost
seg-nps-promoter = promoters (9-10)
seg-nps-passive = passives (7-8)
seg-nps-detractor = detractors (0-6)
seg-consent-none = never asked
seg-consent-pending = awaiting confirmation
seg-consent-subscribed = subscribed
seg-consent-declined = declined
seg-consent-unsubscribed = unsubscribed
seg-everyone = everyone
seg-prospects = prospects (known, never asked for consent)
seg-unknown = (none)
