## Slack: /metrics
metrics-title = Ключевые показатели, { $period }
metrics-compared = В сравнении с { $previous } — { $scope }
metrics-scope-all = все клиенты
metrics-scope-segment = сегмент `{ $segment }`
metrics-campaigns = Кампании, завершённые за период
metrics-campaign = #{ $id } { $name }: выручка { $revenue }, ROMI { $romi } ({ $basis ->
    [incremental] по приросту выручки
   *[other] по выручке последнего касания
  })
metrics-usage = Формат: `/metrics [период] [by source | segment ИМЯ]` — период: прошлая неделя (по умолчанию), эта неделя, прошлый месяц, этот месяц, последние 30 дней, last month. Пример: `/metrics за прошлый месяц по источникам`
metrics-sources-title = Привлечение по источникам, { $period }
metrics-source-line = • *{ $source }*: привлечено { $acquired }, затраты { $spend }, CAC { $cac }, конверсия привлечения { $rate }
metrics-sources-note = Привлечённые — первое подтверждённое согласие за период. CAC = затраты / привлечённые. Конверсия = привлечённые / охват.
metrics-sources-empty = За { $period } нет подписчиков с источником и нет затрат на привлечение.
metrics-help-button = Что это значит?
metrics-definitions-title = Что означают показатели
metrics-definitions-more = Формулы, периоды и разобранный пример для каждого показателя и встроенного сегмента: docs/metrics.md в репозитории.
metrics-ltv-levers = = средний чек { $aov } × покупок на клиента { $rpr } × срок жизни { $lifetime }
