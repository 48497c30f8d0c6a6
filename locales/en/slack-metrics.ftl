## Slack: /metrics
metrics-title = Key figures, { $period }
metrics-compared = Compared with { $previous } - { $scope }
metrics-scope-all = all customers
metrics-scope-segment = segment `{ $segment }`
metrics-campaigns = Campaigns finished in the period
metrics-campaign = #{ $id } { $name }: revenue { $revenue }, ROMI { $romi } ({ $basis ->
    [incremental] on incremental revenue
   *[other] on attributed revenue
  })
metrics-usage = Usage: `/metrics [period] [by source | segment NAME]` or `/metrics help` (what the figures mean) - period: last week (default), yesterday, today, this week, last month, this month, november, this quarter, last quarter, last 30 days, за прошлый месяц, в ноябре. Example: `/metrics last month by source`
metrics-sources-title = Acquisition by source, { $period }
metrics-source-line = • *{ $source }*: { $acquired } acquired of { $contacted } contacted, spend { $spend }, CAC { $cac }, acquisition rate { $rate }
metrics-sources-note = Acquired = first confirmed subscription in the period. Contacted = the reach entered with the spend, else the people who opened the bot from the source (imported prospects do not count). CAC = spend / acquired. Acquisition rate = acquired / contacted.
metrics-sources-no-spend = "—": no spend entered for that source and period. `/spend SOURCE AMOUNT PERIOD [reach N]` or `npm run import -- spend.csv` enters it.
metrics-sources-empty = No subscribers with a source and no acquisition spend in { $period }.
metrics-help-button = What do these mean?
metrics-definitions-title = What the figures mean
metrics-definitions-more = Formulas, periods and a worked example for every figure and built-in segment: docs/metrics.md in the repository.
metrics-ltv-levers = = average order value { $aov } × purchases per customer { $rpr } × lifetime { $lifetime }
## Slack: /spend
spend-usage = Usage: `/spend SOURCE AMOUNT PERIOD [reach N]` enters what a source cost (e.g. `/spend instagram_bio 8000 november reach 5000`; the period as `/metrics` reads it, a month or week covers all its days; the same source and days again corrects it) · `/spend list [period]` · `/spend delete ID`. History from a file: `npm run import -- spend.csv`.
spend-recorded = Recorded #{ $id }: *{ $source }* { $amount } for { $from } – { $to }{ $contacted ->
    [none] {""}
   *[other] , reach { $contacted }
  }. CAC and the acquisition rate of `/metrics` count it from now on.
spend-list-title = Acquisition spend{ $period ->
    [all] {""}
   *[other] , { $period }
  }
spend-list-line = • #{ $id } *{ $source }* { $amount }, { $from } – { $to }{ $contacted ->
    [none] {""}
   *[other] , reach { $contacted }
  } _({ $by })_
spend-list-empty = No acquisition spend entered{ $period ->
    [all] {""}
   *[other] {" "}for { $period }
  }. `/spend SOURCE AMOUNT PERIOD` enters it.
spend-deleted = Deleted #{ $id }: *{ $source }* { $amount } for { $from } – { $to }.
