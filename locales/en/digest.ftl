## The weekly digest (Slack channels, Telegram admin chat, /digest)
digest-title = { $weekly ->
    [yes] Weekly digest, { $period }
   *[no] Digest, { $period }
  }
digest-compared = Each figure against { $previous } · times in { $timezone }
digest-this-week = { $weekly ->
    [yes] this week
   *[no] in the period
  }

## Key figures: the one-line reading under each
digest-section-figures = Key figures
digest-band-excellent = excellent
digest-band-good = good
digest-band-warning = warning
digest-band-act_now = act now
digest-reading-nps = { $band ->
    [excellent] Excellent (above 50): ask promoters for reviews and referrals
    [good] Good (30–50): keep promoters talking, follow up passives
    [warning] Warning (below 30): read the detractors' reasons below
   *[act_now] Act now (below 0): more detractors than promoters
  } · { $responses } { $responses ->
    [one] answer
   *[other] answers
  }{ $few ->
    [yes] , too few to read much into
   *[no] {""}
  }
digest-reading-nps-none = No NPS answers: send the NPS survey to recent buyers.
digest-reading-gained = { $known ->
    [yes] Most from { $source }: { $count } of { $total }
   *[no] Most without a source: { $count } of { $total } (use tracked links)
  }
digest-reading-gained-none = Nobody confirmed a subscription.
digest-reading-net = { $sign ->
    [up] The subscribed base grew by { $net } (new minus unsubscribed and blocked)
    [down] The subscribed base shrank by { $net } (new minus unsubscribed and blocked)
   *[flat] The subscribed base stayed the same size
  }
digest-reading-blocked = { $trend ->
    [up] More blocks than the week before: check how often you write (base erosion)
    [down] Fewer blocks than the week before
    [same] As many blocks as the week before
   *[none] Nobody blocked the bot
  }
digest-reading-active = { $first } bought for the first time, { $returning } had bought before
digest-reading-revenue = { $orders } { $orders ->
    [one] order
   *[other] orders
  } × { NUMBER($aov, maximumFractionDigits: 2) }{ $currency ->
    [none] {""}
   *[other] {" "}{ $currency }
  } on average{ $driver ->
    [orders] ; the number of orders moved it most
    [aov] ; the order value moved it most
   *[none] {""}
  }
digest-reading-aov = { NUMBER($frequency, maximumFractionDigits: 2) } { $frequency ->
    [one] order
   *[other] orders
  } per active customer
digest-reading-aov-none = No paid orders.
digest-reading-repeat = { $returning } of { $buyers } buyers had bought before
digest-reading-ltv = Average lifetime { NUMBER($lifetime, maximumFractionDigits: 1) } months × { NUMBER($arpu, maximumFractionDigits: 2) }{ $currency ->
    [none] {""}
   *[other] {" "}{ $currency }
  } revenue per customer per month
digest-reading-ltv-none = Needs customers with orders.
digest-reading-retention = { $retained } of the { $buyers } customers who bought { $weekly ->
    [yes] the week before
   *[no] the period before
  } bought again
digest-reading-retention-none = Nobody bought { $weekly ->
    [yes] the week before
   *[no] the period before
  }.

## New subscribers by source
digest-section-sources = New subscribers by source
digest-source-none = (no source)
digest-source-other = { $count } other sources
digest-sources-empty = No new subscribers.

## Loyalty funnel
digest-section-funnel = Loyalty funnel
digest-stage-potential = Potential
digest-stage-new = New
digest-stage-repeat = Repeat
digest-stage-loyal = Loyal
digest-stage-churned_from_new = Churned after 1st
digest-stage-churned_from_loyal = Churned regulars
digest-flows = Moved: { $flows }
digest-flow = { $from } → { $to } { $count }
digest-flows-joined = new in the base: { $count }
digest-flows-none = Nobody moved between stages.

## Campaigns
digest-section-campaigns = Campaigns finished
digest-campaign = #{ $id } { $name }: { $delivered } delivered · { $basis ->
    [incremental] incremental revenue { $revenue } vs the holdout
   *[attributed] attributed revenue { $revenue } (no holdout)
  } · ROMI { $romi }{ $significance ->
    [significant] {" "}· significant
    [not_significant] {" "}· not significant yet
    [too_small] {" "}· groups too small to tell
   *[none] {""}
  }
digest-campaign-counting = orders until { $until } still count
digest-campaigns-none = No campaign finished.

## Trigger chains
digest-section-chains = Trigger chains
digest-chain = { $entered } entered ({ $enteredBefore } before) · { $converted } bought ({ $convertedBefore } before) · revenue { $revenue } · { $unsubscribed } unsubscribed while in it{ $paused ->
    [yes] {" "}· paused
   *[no] {""}
  }
digest-chain-advice-conversion_fell = Look at *{ $name }*: its conversion fell to { $now } from { $before }. If a message misfires, `/chains pause { $id }` stops it while you fix it.
digest-chain-advice-unsubscribes_rose = Look at *{ $name }*: { $now } people unsubscribed while in it ({ $before } the period before). Consider `/chains pause { $id }` and check its messages.

## Detractors
digest-section-detractors = Detractors
digest-detractors = { $count } { $count ->
    [one] detractor
   *[other] detractors
  } (0–6); { $weekly ->
    [yes] the week before
   *[no] the period before
  } { $previous }
digest-detractors-reasons = Most mentioned: { $reasons }
digest-detractors-reason = { $term } ({ $count })
digest-detractors-quotes = In their words:
digest-detractors-none = No detractors.

## The proposed action
digest-section-proposal = Proposed action
digest-signal-cant_lose = RFM “Can't lose them”
digest-signal-at_risk = RFM “At risk”
digest-signal-churned_from_loyal = Churned regulars
digest-signal-detractors = Detractors
digest-signal-loyal_lapsing = Loyal customers
digest-signal-about_to_sleep = RFM “About to sleep”
digest-signal-churned_from_new = Churned after the first purchase
digest-signal-new_leads = Potential customers (no purchase yet)
digest-signal-second_purchase = New customers (one purchase)
digest-signal-referral = RFM “Champions”
digest-proposal-headline = { $segment } { $direction ->
    [grew] grew
   *[shrank] shrank
  }{ $relative ->
    [yes] { " " }{ $percent }%
   *[no] {""}
  } { $when } ({ $before } → { $after })
digest-proposal-source = { $mostly ->
    [yes] Mostly customers
   *[no] The largest group: customers
  } { $known ->
    [yes] acquired from { $source }
   *[no] with no recorded source
  } ({ $count } of { $movers } { $who ->
    [entered] who came in
    [left] who left
   *[detractors] detractors
  })
digest-proposal-campaign = Proposed campaign “{ $name }” to { $audience }, tomorrow at 11:00{ $holdout ->
    [0] {""}
   *[other] , with a { $holdout }% holdout to measure the effect
  }.
digest-proposal-button = Open in /send
digest-proposal-command = Or type: { $command }
digest-proposal-none = Nothing moved enough to call for a campaign (a segment has to change by at least { $people } people and { $percent }%).
digest-proposal-when = tomorrow 11:00
digest-playbook-cant_lose-why = Big spenders who have stopped buying. No promo code (they would buy anyway): a personal word and early access.
digest-playbook-cant_lose-name = Digest: early access for can't-lose customers
digest-playbook-cant_lose-message = { $first_name }, you are one of our best customers, so the new collection opens for you before anyone else. Have a look!
digest-playbook-at_risk-why = They used to buy often and well but have not come back lately: a bonus with a deadline wins some of them back.
digest-playbook-at_risk-name = Digest: win-back for at-risk customers
digest-playbook-at_risk-message = { $first_name }, we miss you! Here is 15% off your next order, valid for 7 days.
digest-playbook-churned_from_loyal-why = Former regulars who have not bought for months: remind them what they liked, with a welcome-back gift.
digest-playbook-churned_from_loyal-name = Digest: welcome back, regulars
digest-playbook-churned_from_loyal-message = { $first_name }, it has been a while! Come back this week and get a gift with your next order.
digest-playbook-detractors-why = More unhappy customers than the week before: ask what to fix first, and answer them in the threads.
digest-playbook-detractors-name = Digest: what should we fix?
digest-playbook-loyal_lapsing-why = Fewer loyal customers: regulars are slipping out of the loyal stage. Reach them before they churn.
digest-playbook-loyal_lapsing-name = Digest: we miss our regulars
digest-playbook-loyal_lapsing-message = { $first_name }, we have not seen you for a while. We picked a few new things you might like - and your next delivery is on us.
digest-playbook-about_to_sleep-why = Customers drifting away: a relevant reminder now is cheaper than a win-back later.
digest-playbook-about_to_sleep-name = Digest: new arrivals for sleepy customers
digest-playbook-about_to_sleep-message = { $first_name }, new arrivals are in - we think you will like them.
digest-playbook-churned_from_new-why = One-time buyers who never came back: a second-order offer turns some into repeat customers.
digest-playbook-churned_from_new-name = Digest: second chance for one-time buyers
digest-playbook-churned_from_new-message = { $first_name }, your first order was a while ago. Here is 10% off the second one, this week only.
digest-playbook-new_leads-why = Many new leads without a purchase: a first-purchase offer while their interest is fresh.
digest-playbook-new_leads-name = Digest: first-purchase offer for new leads
digest-playbook-new_leads-message = { $first_name }, welcome! Here is 10% off your first order, valid for 7 days.
digest-playbook-second_purchase-why = Many first-time buyers: the second purchase is the step to the loyal stage.
digest-playbook-second_purchase-name = Digest: the second purchase
digest-playbook-second_purchase-message = { $first_name }, thank you for your first order! Here is what goes well with it - and free delivery on the next one.
digest-playbook-referral-why = More champions: ask them to bring a friend and close the loyalty loop.
digest-playbook-referral-name = Digest: invite a friend
digest-playbook-referral-message = { $first_name }, thank you for being with us! Invite a friend: they get 10% off their first order, you get a gift.

## Charts
digest-charts-note = Charts in the thread: NPS trend, loyalty funnel, cohort retention, new subscribers by source.
digest-charts-comment = Charts for { $period }
digest-chart-before = { $weekly ->
    [yes] the week before
   *[no] the period before
  }
digest-chart-after = { $weekly ->
    [yes] this week
   *[no] this period
  }
digest-chart-nps-title = NPS, last 12 weeks
digest-chart-nps-subtitle = Each person's latest answer of the week. Above 50 excellent · 30–50 good · below 30 warning · below 0 act now
digest-chart-nps-series = NPS
digest-chart-nps-answers = answers
digest-chart-nps-empty = No NPS answers in these 12 weeks
digest-chart-funnel-title = Loyalty funnel
digest-chart-funnel-joined = new in the base: { $count }
digest-chart-funnel-empty = Nobody in the funnel yet
digest-chart-cohorts-title = Cohort retention
digest-chart-cohorts-subtitle = Share of each month's new customers (first purchase · cohort size) who bought again N months later
digest-chart-cohorts-x = months after the first purchase
digest-chart-cohorts-empty = No first purchases in the last 12 months
digest-chart-sources-title = New subscribers by source
digest-chart-sources-empty = No new subscribers
digest-chart-sources-total = { $count } new subscribers; { $weekly ->
    [yes] the week before
   *[no] the period before
  } { $previous }

## Slack: /digest
digest-usage = Usage: `/digest now [period]` posts the digest in this channel; `/digest preview [period]` shows it only to you. Period: last week (default), this week, last month, this month, last 30 days, за прошлую неделю. Example: `/digest preview last month`
digest-posted = :white_check_mark: The digest for { $period } is in this channel.
digest-error-cannot_post = I can't post in this channel ({ $error }): invite me with `/invite @Chatloop`, or use `/digest preview`.
digest-preview-charts = The charts are in your direct messages with Chatloop.
digest-preview-dm = Charts for your digest preview, { $period }.
