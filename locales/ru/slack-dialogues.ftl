## Slack: карточки клиентов (горячие лиды, критики, отзывы, просьбы о помощи)
slack-card-erased = 🗑 Клиент #{ $id } попросил удалить свои данные: подробности этой карточки и его сообщения удалены.
slack-hot-lead-title = 🔥 Горячий лид: { $name }
slack-detractor-title = ⚠️ { $survey } { $score }/{ $max } от клиента { $name }
slack-feedback-title = 💬 Отзыв: { $name }
slack-told-after-hours = :crescent_moon: Вне рабочего времени: клиенту сказали, когда ему ответят: { $when }.
slack-help-title = 🙋 { $name } просит помощи
slack-customer-unnamed = Клиент #{ $id }
slack-field-flow = Сценарий
slack-field-score = Баллы лида
slack-field-source = Источник
slack-field-contacts = Контакты
slack-field-survey-score = Оценка
slack-field-reason = Причина
slack-field-stage = Стадия жизненного цикла
slack-field-orders = Заказы
slack-field-total = Сумма покупок
slack-field-last-order = Последний заказ
slack-field-answers = Ответы
slack-field-stuck-on = Застрял на вопросе
slack-field-feedback = Отзыв
slack-qualification = { $qualification ->
        [hot] горячий
        [warm] тёплый
       *[cold] холодный
    }
slack-trigger = { $trigger ->
        [deep_link] ссылка на сценарий
        [source] ссылка
        [command] команда
        [keyword] ключевое слово
        [campaign] рассылка
       *[other] { $trigger }
    }
slack-reason-pending = _ждём ответа…_
slack-reason-skipped = _клиент пропустил вопрос_
slack-reason-unanswered = _на вопрос не ответили_
slack-reason-none = _не спрашивали_
slack-orders-none = заказов пока нет
slack-no-contacts = пока только Telegram
slack-no-source = напрямую
slack-skipped = _пропущено_
slack-open-profile = Открыть профиль
slack-thread-hint = Ответьте в этом треде, чтобы написать клиенту в Telegram. Начните ответ с //, чтобы он остался внутри команды.
slack-relay-refused = { $reason ->
        [no_consent] ⚠️ Не отправлено: клиент отписался, а отписавшимся мы не пишем. Если он напишет сам, это появится в треде.
        [blocked] ⚠️ Не отправлено: клиент заблокировал бота.
        [erased] ⚠️ Не отправлено: клиент попросил удалить его данные.
       *[other] ⚠️ Не отправлено: до клиента не достучаться в Telegram.
    }
slack-relay-files-dropped = ℹ️ Текст ушёл клиенту; вложения в Telegram не отправляются.
slack-relay-files-only = ⚠️ Не отправлено: вложения в Telegram не передаются. Напишите сообщение текстом.
slack-relay-failed = { $reason ->
        [blocked] ⚠️ Не доставлено: клиент заблокировал бота.
        [unreachable] ⚠️ Не доставлено: до клиента не достучаться в Telegram.
        [rate_limited] ⚠️ Пока не доставлено: Telegram просит отправлять реже. Отправьте ещё раз через минуту.
       *[other] ⚠️ Не доставлено: Telegram отклонил сообщение ({ $description }).
    }

## Slack: профиль клиента (модальное окно)
slack-profile-title = Профиль клиента
slack-profile-close = Закрыть
slack-profile-missing = Этого клиента больше нет в базе.
slack-profile-name = Имя
slack-profile-telegram = Telegram
slack-profile-language = Язык
slack-profile-consent = Согласие
slack-profile-since = Известен с
slack-profile-email = E-mail
slack-profile-phone = Телефон
slack-profile-source = Источник
slack-profile-tags = Теги
slack-profile-fields = Профиль
slack-profile-lead = Последняя квалификация
slack-profile-lead-value = { $flow }: { $score } баллов, { $qualification }
slack-profile-nps = Последний NPS
slack-profile-none = -
