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
metrics-usage = Usage: `/metrics [period] [by source | segment NAME]` - period: last week (default), this week, last month, this month, last 30 days, за прошлый месяц, на этой неделе. Example: `/metrics last month by source`
metrics-sources-title = Acquisition by source, { $period }
metrics-source-line = • *{ $source }*: { $acquired } acquired, spend { $spend }, CAC { $cac }, acquisition rate { $rate }
metrics-sources-note = Acquired = first confirmed subscription in the period. CAC = spend / acquired. Acquisition rate = acquired / contacted.
metrics-sources-empty = No subscribers with a source and no acquisition spend in { $period }.
metrics-help-button = What do these mean?
metrics-definitions-title = What the figures mean
metrics-definitions-more = Formulas, periods and a worked example for every figure and built-in segment: docs/metrics.md in the repository.
metrics-ltv-levers = = average order value { $aov } × purchases per customer { $rpr } × lifetime { $lifetime }
