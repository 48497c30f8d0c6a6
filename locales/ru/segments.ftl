## Сегменты словами (/segment show), названия встроенных сегментов, разбивки
seg-and = и
seg-or = или
seg-not = не ({ $condition })
seg-field-eq = { $field } — «{ $value }»
seg-field-ne = { $field } — не «{ $value }»
seg-field-contains = { $field } содержит «{ $value }»
seg-field-exists = { $field } заполнено
seg-tag = есть тег { $values }
seg-consent = согласие: { $values }
seg-blocked = заблокировал бота
seg-source = пришёл из { $values }
seg-language = язык: { $values }
seg-lifecycle = стадия жизненного цикла: { $values }
seg-rfm = RFM-класс: { $values }
seg-rfm-score = оценка RFM { $score } { $cmp } { $value }
seg-nps = группа NPS: { $values }
seg-nps-score = последняя оценка NPS { $cmp } { $value }
seg-joined = появился { $cmp } { $value } дн. назад
seg-orders-any = есть оплаченный заказ{ $window }
seg-orders-count = оплаченных заказов { $cmp } { $value }{ $window }
seg-orders-total = потратил { $cmp } { $value }{ $window }
seg-orders-average = средний чек { $cmp } { $value }{ $window }
seg-orders-days-since-last = последний оплаченный заказ { $cmp } { $value } дн. назад
seg-orders-days-since-first = первый оплаченный заказ { $cmp } { $value } дн. назад
seg-event-any = совершил «{ $type }»{ $window }
seg-event-count = совершил «{ $type }» { $cmp } { $value } раз{ $window }
seg-event-sum = сумма «{ $property }» по «{ $type }» { $cmp } { $value }{ $window }
seg-event-days-since-last = последний раз «{ $type }» { $cmp } { $value } дн. назад
seg-event-days-since-first = впервые «{ $type }» { $cmp } { $value } дн. назад
seg-none-since-order = совершил «{ $after }» и с тех пор не оплатил заказ
seg-none-since-event = совершил «{ $after }» и с тех пор не совершал «{ $then }»
seg-window-h = { $amount ->
    [one] за последний { $amount } час
    [few] за последние { $amount } часа
   *[other] за последние { $amount } часов
  }
seg-window-d = { $amount ->
    [one] за последний { $amount } день
    [few] за последние { $amount } дня
   *[other] за последние { $amount } дней
  }
seg-window-w = { $amount ->
    [one] за последнюю { $amount } неделю
    [few] за последние { $amount } недели
   *[other] за последние { $amount } недель
  }
seg-cmp-eq = ровно
seg-cmp-ne = не
seg-cmp-gt = больше
seg-cmp-gte = не меньше
seg-cmp-lt = меньше
seg-cmp-lte = не больше
seg-stage-potential = потенциальные (ещё без покупки)
seg-stage-new = новые (одна покупка)
seg-stage-repeat = повторные (2+ покупки)
seg-stage-loyal = лояльные
seg-stage-churned_from_new = отток после первой покупки
seg-stage-churned_from_loyal = отток после повторных покупок
seg-rfm-champions = Чемпионы
seg-rfm-loyal = Лояльные
seg-rfm-potential_loyalists = Потенциально лояльные
seg-rfm-new_customers = Новые клиенты
seg-rfm-promising = Перспективные
seg-rfm-need_attention = Требуют внимания
seg-rfm-about_to_sleep = Засыпающие
seg-rfm-at_risk = В зоне риска
seg-rfm-cant_lose = Нельзя потерять
seg-rfm-hibernating = Спящие
seg-rfm-lost = Потерянные
seg-nps-promoter = промоутеры (9-10)
seg-nps-passive = нейтралы (7-8)
seg-nps-detractor = критики (0-6)
seg-consent-none = не спрашивали
seg-consent-pending = ждут подтверждения
seg-consent-subscribed = подписаны
seg-consent-declined = отказались
seg-consent-unsubscribed = отписались
seg-everyone = все
seg-prospects = потенциальные контакты (известны, согласие не запрашивали)
seg-unknown = (нет)
