## Еженедельный дайджест (каналы Slack, админ-чат Telegram, /digest)
digest-title = { $weekly ->
    [yes] Дайджест недели, { $period }
   *[no] Дайджест, { $period }
  }
digest-compared = Каждый показатель — в сравнении с { $previous } · время — { $timezone }
digest-this-week = { $weekly ->
    [yes] за неделю
   *[no] за период
  }

## Ключевые показатели: строка пояснения под каждым
digest-section-figures = Ключевые показатели
digest-band-excellent = отлично
digest-band-good = хорошо
digest-band-warning = тревога
digest-band-act_now = действовать
digest-reading-nps = { $band ->
    [excellent] Отлично (выше 50): просите промоутеров об отзывах и рекомендациях
    [good] Хорошо (30–50): поддерживайте промоутеров, работайте с нейтралами
    [warning] Тревога (ниже 30): прочитайте причины критиков ниже
   *[act_now] Действовать сейчас (ниже 0): критиков больше, чем промоутеров
  } · { $responses } { $responses ->
    [one] ответ
    [few] ответа
   *[other] ответов
  }{ $few ->
    [yes] , слишком мало для выводов
   *[no] {""}
  }
digest-reading-nps-none = Нет ответов NPS: отправьте опрос NPS недавним покупателям.
digest-reading-gained = { $known ->
    [yes] Больше всего из { $source }: { $count } из { $total }
   *[no] Больше всего без источника: { $count } из { $total } (используйте ссылки с метками)
  }
digest-reading-gained-none = Никто не подтвердил подписку.
digest-reading-net = { $sign ->
    [up] База подписчиков выросла на { $net } (новые минус отписки и блокировки)
    [down] База подписчиков сократилась на { $net } (новые минус отписки и блокировки)
   *[flat] Размер базы подписчиков не изменился
  }
digest-reading-blocked = { $trend ->
    [up] Блокировок больше, чем на прошлой неделе: проверьте, как часто вы пишете (эрозия базы)
    [down] Блокировок меньше, чем на прошлой неделе
    [same] Блокировок столько же, сколько на прошлой неделе
   *[none] Никто не заблокировал бота
  }
digest-reading-active = { $first } купили впервые, { $returning } уже покупали раньше
digest-reading-revenue = { $orders } { $orders ->
    [one] заказ
    [few] заказа
   *[other] заказов
  } × { NUMBER($aov, maximumFractionDigits: 2) }{ $currency ->
    [none] {""}
   *[other] {" "}{ $currency }
  } в среднем{ $driver ->
    [orders] ; больше всего изменилось число заказов
    [aov] ; больше всего изменился средний чек
   *[none] {""}
  }
digest-reading-aov = { NUMBER($frequency, maximumFractionDigits: 2) } { $frequency ->
    [one] заказ
    [many] заказов
   *[other] заказа
  } на активного клиента
digest-reading-aov-none = Нет оплаченных заказов.
digest-reading-repeat = { $returning } из { $buyers } покупателей уже покупали раньше
digest-reading-ltv = Средний срок жизни { NUMBER($lifetime, maximumFractionDigits: 1) } мес. × { NUMBER($arpu, maximumFractionDigits: 2) }{ $currency ->
    [none] {""}
   *[other] {" "}{ $currency }
  } выручки на клиента в месяц
digest-reading-ltv-none = Нужны клиенты с заказами.
digest-reading-retention = { $retained } из { $buyers } клиентов, покупавших { $weekly ->
    [yes] на прошлой неделе
   *[no] в прошлом периоде
  }, купили снова
digest-reading-retention-none = { $weekly ->
    [yes] На прошлой неделе
   *[no] В прошлом периоде
  } никто не покупал.

## Новые подписчики по источникам
digest-section-sources = Новые подписчики по источникам
digest-source-none = (без источника)
digest-source-other = другие источники: { $count }
digest-sources-empty = Новых подписчиков нет.

## Воронка лояльности
digest-section-funnel = Воронка лояльности
digest-stage-potential = Потенциальные
digest-stage-new = Новые
digest-stage-repeat = Повторные
digest-stage-loyal = Лояльные
digest-stage-churned_from_new = Ушли после 1-й
digest-stage-churned_from_loyal = Ушли постоянные
digest-flows = Переходы: { $flows }
digest-flow = { $from } → { $to } { $count }
digest-flows-joined = новых в базе: { $count }
digest-flows-none = Никто не перешёл между этапами.

## Кампании
digest-section-campaigns = Завершённые кампании
digest-campaign = #{ $id } { $name }: доставлено { $delivered } · { $basis ->
    [incremental] прирост выручки { $revenue } к контрольной группе
   *[attributed] выручка последнего касания { $revenue } (без контрольной группы)
  } · ROMI { $romi }{ $significance ->
    [significant] {" "}· значимо
    [not_significant] {" "}· пока незначимо
    [too_small] {" "}· группы слишком малы для вывода
   *[none] {""}
  }
digest-campaign-counting = заказы до { $until } ещё засчитываются
digest-campaigns-none = Ни одна кампания не завершилась.

## Триггерные цепочки
digest-section-chains = Триггерные цепочки
digest-chain = вошли { $entered } (было { $enteredBefore }) · купили { $converted } (было { $convertedBefore }) · выручка { $revenue } · отписались в цепочке { $unsubscribed }{ $paused ->
    [yes] {" "}· на паузе
   *[no] {""}
  }
digest-chain-advice-conversion_fell = Посмотрите на *{ $name }*: конверсия упала до { $now } с { $before }. Если сообщение не работает, `/chains pause { $id }` остановит цепочку, пока вы её правите.
digest-chain-advice-unsubscribes_rose = Посмотрите на *{ $name }*: в цепочке отписались { $now } чел. (в прошлый период { $before }). Возможно, стоит `/chains pause { $id }` и проверить сообщения.

## Критики
digest-section-detractors = Критики
digest-detractors = { $count } { $count ->
    [one] критик
    [few] критика
   *[other] критиков
  } (0–6); { $weekly ->
    [yes] на прошлой неделе
   *[no] в прошлом периоде
  } { $previous }
digest-detractors-reasons = Чаще всего упоминают: { $reasons }
digest-detractors-reason = { $term } ({ $count })
digest-detractors-quotes = Их словами:
digest-detractors-none = Критиков нет.

## Предлагаемое действие
digest-section-proposal = Предлагаемое действие
digest-signal-cant_lose = RFM «Нельзя потерять»
digest-signal-at_risk = RFM «В зоне риска»
digest-signal-churned_from_loyal = Ушедшие постоянные клиенты
digest-signal-detractors = Критики
digest-signal-loyal_lapsing = Лояльные клиенты
digest-signal-about_to_sleep = RFM «Засыпающие»
digest-signal-churned_from_new = Ушедшие после первой покупки
digest-signal-new_leads = Потенциальные клиенты (ещё без покупки)
digest-signal-second_purchase = Новые клиенты (одна покупка)
digest-signal-referral = RFM «Чемпионы»
digest-proposal-headline = { $segment }: { $direction ->
    [grew] рост
   *[shrank] сокращение
  }{ $relative ->
    [yes] { " " }на { $percent }%
   *[no] {""}
  } { $when } ({ $before } → { $after })
digest-proposal-source = { $mostly ->
    [yes] В основном клиенты
   *[no] Крупнейшая группа — клиенты
  } { $known ->
    [yes] из источника { $source }
   *[no] без источника
  } ({ $count } из { $movers } { $who ->
    [entered] пришедших
    [left] ушедших
   *[detractors] критиков
  })
digest-proposal-campaign = Предлагаемая кампания «{ $name }» для { $audience }, завтра в 11:00{ $holdout ->
    [0] {""}
   *[other] , контрольная группа { $holdout }%, чтобы измерить эффект
  }.
digest-proposal-button = Открыть в /send
digest-proposal-command = Или наберите: { $command }
digest-proposal-none = Ничего не изменилось настолько, чтобы предлагать кампанию (сегмент должен измениться минимум на { $people } человек и { $percent }%).
digest-proposal-when = завтра в 11:00
digest-playbook-cant_lose-why = Крупные клиенты, которые перестали покупать. Без промокода (они купили бы и так): личное слово и ранний доступ.
digest-playbook-cant_lose-name = Дайджест: ранний доступ для ценных клиентов
digest-playbook-cant_lose-message = { $first_name }, вы один из самых ценных наших клиентов, поэтому новая коллекция открывается для вас раньше всех. Загляните!
digest-playbook-at_risk-why = Раньше покупали часто и много, но давно не возвращались: бонус с ограниченным сроком вернёт часть из них.
digest-playbook-at_risk-name = Дайджест: возврат клиентов в зоне риска
digest-playbook-at_risk-message = { $first_name }, мы скучаем! Дарим скидку 15% на следующий заказ, она действует 7 дней.
digest-playbook-churned_from_loyal-why = Бывшие постоянные клиенты, которые не покупают месяцами: напомните, что им нравилось, и сделайте подарок за возвращение.
digest-playbook-churned_from_loyal-name = Дайджест: возвращаем постоянных
digest-playbook-churned_from_loyal-message = { $first_name }, давно не виделись! Возвращайтесь на этой неделе — к следующему заказу подарок.
digest-playbook-detractors-why = Недовольных больше, чем на прошлой неделе: спросите, что исправить в первую очередь, и ответьте им в тредах.
digest-playbook-detractors-name = Дайджест: что нам исправить?
digest-playbook-loyal_lapsing-why = Лояльных стало меньше: постоянные клиенты выпадают из этапа. Свяжитесь с ними до того, как они уйдут.
digest-playbook-loyal_lapsing-name = Дайджест: скучаем по постоянным
digest-playbook-loyal_lapsing-message = { $first_name }, давно вас не видели. Мы подобрали несколько новинок, которые могут понравиться, — а следующая доставка за наш счёт.
digest-playbook-about_to_sleep-why = Клиенты отдаляются: уместное напоминание сейчас дешевле, чем возврат потом.
digest-playbook-about_to_sleep-name = Дайджест: новинки для засыпающих
digest-playbook-about_to_sleep-message = { $first_name }, у нас новинки — думаем, они вам понравятся.
digest-playbook-churned_from_new-why = Купили один раз и не вернулись: предложение на второй заказ превращает часть из них в повторных клиентов.
digest-playbook-churned_from_new-name = Дайджест: второй шанс для разовых покупателей
digest-playbook-churned_from_new-message = { $first_name }, ваш первый заказ был давно. Дарим 10% на второй — только на этой неделе.
digest-playbook-new_leads-why = Много новых контактов без покупки: предложение на первую покупку, пока интерес свежий.
digest-playbook-new_leads-name = Дайджест: первая покупка для новых контактов
digest-playbook-new_leads-message = { $first_name }, добро пожаловать! Дарим 10% на первый заказ, скидка действует 7 дней.
digest-playbook-second_purchase-why = Много новых покупателей: вторая покупка — шаг к лояльности.
digest-playbook-second_purchase-name = Дайджест: вторая покупка
digest-playbook-second_purchase-message = { $first_name }, спасибо за первый заказ! Вот что к нему подойдёт — и бесплатная доставка следующего.
digest-playbook-referral-why = Чемпионов стало больше: попросите их привести друга и замкните петлю лояльности.
digest-playbook-referral-name = Дайджест: пригласи друга
digest-playbook-referral-message = { $first_name }, спасибо, что вы с нами! Пригласите друга: ему скидка 10% на первый заказ, вам — подарок.

## Графики
digest-charts-note = Графики в треде: динамика NPS, воронка лояльности, удержание когорт, новые подписчики по источникам.
digest-charts-comment = Графики за { $period }
digest-chart-before = { $weekly ->
    [yes] на прошлой неделе
   *[no] в прошлом периоде
  }
digest-chart-after = { $weekly ->
    [yes] эта неделя
   *[no] этот период
  }
digest-chart-nps-title = NPS за последние 12 недель
digest-chart-nps-subtitle = Последний ответ каждого человека за неделю. Выше 50 отлично · 30–50 хорошо · ниже 30 тревога · ниже 0 действовать
digest-chart-nps-series = NPS
digest-chart-nps-answers = ответы
digest-chart-nps-empty = За эти 12 недель нет ответов NPS
digest-chart-funnel-title = Воронка лояльности
digest-chart-funnel-joined = новых в базе: { $count }
digest-chart-funnel-empty = В воронке пока никого нет
digest-chart-cohorts-title = Удержание когорт
digest-chart-cohorts-subtitle = Доля новых клиентов месяца (первая покупка · размер когорты), купивших снова через N месяцев
digest-chart-cohorts-x = месяцев после первой покупки
digest-chart-cohorts-empty = За последние 12 месяцев не было первых покупок
digest-chart-sources-title = Новые подписчики по источникам
digest-chart-sources-empty = Новых подписчиков нет
digest-chart-sources-total = Новых подписчиков: { $count }; { $weekly ->
    [yes] на прошлой неделе
   *[no] в прошлом периоде
  } { $previous }

## Slack: /digest
digest-usage = Формат: `/digest now [период]` — опубликовать дайджест в этом канале; `/digest preview [период]` — показать только вам. Период: прошлая неделя (по умолчанию), эта неделя, прошлый месяц, этот месяц, последние 30 дней, last week. Пример: `/digest preview за прошлый месяц`
digest-posted = :white_check_mark: Дайджест за { $period } опубликован в этом канале.
digest-error-cannot_post = Не могу написать в этот канал ({ $error }): пригласите меня командой `/invite @Chatloop` или используйте `/digest preview`.
digest-preview-charts = Графики — в ваших личных сообщениях с Chatloop.
digest-preview-dm = Графики к предпросмотру дайджеста, { $period }.
