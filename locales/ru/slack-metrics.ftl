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
metrics-usage = Формат: `/metrics [период] [by source | segment ИМЯ]` или `/metrics help` (что означают показатели) — период: прошлая неделя (по умолчанию), вчера, сегодня, эта неделя, прошлый месяц, этот месяц, ноябрь, этот квартал, прошлый квартал, последние 30 дней, last month. Пример: `/metrics за прошлый месяц по источникам`
metrics-sources-title = Привлечение по источникам, { $period }
metrics-source-line = • *{ $source }*: привлечено { $acquired } из { $contacted } охваченных, затраты { $spend }, CAC { $cac }, конверсия привлечения { $rate }
metrics-sources-note = Привлечённые — первое подтверждённое согласие за период. Охваченные — охват, указанный вместе с затратами, иначе люди, открывшие бота из этого источника (импортированные клиенты не считаются). CAC = затраты / привлечённые. Конверсия = привлечённые / охваченные.
metrics-sources-no-spend = «—»: затраты по этому источнику за период не внесены. Внести: `/spend ИСТОЧНИК СУММА ПЕРИОД [охват N]` или `npm run import -- spend.csv`.
metrics-sources-empty = За { $period } нет подписчиков с источником и нет затрат на привлечение.
metrics-help-button = Что это значит?
metrics-definitions-title = Что означают показатели
metrics-definitions-more = Формулы, периоды и разобранный пример для каждого показателя и встроенного сегмента: docs/metrics.md в репозитории.
metrics-ltv-levers = = средний чек { $aov } × покупок на клиента { $rpr } × срок жизни { $lifetime }
## Slack: /spend
spend-usage = Формат: `/spend ИСТОЧНИК СУММА ПЕРИОД [охват N]` вносит затраты на источник (например, `/spend instagram_bio 8000 за ноябрь охват 5000`; период — как у `/metrics`, месяц или неделя целиком; тот же источник и дни ещё раз — исправление) · `/spend list [период]` · `/spend delete НОМЕР`. Историю из файла: `npm run import -- spend.csv`.
spend-recorded = Записано #{ $id }: *{ $source }* { $amount } за { $from } – { $to }{ $contacted ->
    [none] {""}
   *[other] , охват { $contacted }
  }. CAC и конверсия привлечения в `/metrics` теперь это учитывают.
spend-list-title = Затраты на привлечение{ $period ->
    [all] {""}
   *[other] , { $period }
  }
spend-list-line = • #{ $id } *{ $source }* { $amount }, { $from } – { $to }{ $contacted ->
    [none] {""}
   *[other] , охват { $contacted }
  } _({ $by })_
spend-list-empty = Затраты на привлечение{ $period ->
    [all] {""}
   *[other] {" "}за { $period }
  } не внесены. Внести: `/spend ИСТОЧНИК СУММА ПЕРИОД`.
spend-deleted = Удалено #{ $id }: *{ $source }* { $amount } за { $from } – { $to }.
