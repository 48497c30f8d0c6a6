## Ошибки на языке команды: error-<код>, по одной на каждый код из core/errors.ts
## (таблица — bot/slack/error-replies.ts). Собственные формулировки команды
## (send-error-*, campaign-error-*) идут первыми, если они есть.
error-not_found = { $what ->
    [Campaign] Кампании #{ $id } нет.
    [Subscriber] Клиента #{ $id } нет.
    [subscriber] Клиента #{ $id } нет.
   *[other] Не найдено: { $what } { $id }.
  }
error-flow_not_found = Сценария `{ $flowId }` нет в flows/qualification.
error-survey_not_found = Опроса `{ $surveyId }` нет в flows/surveys.
error-unknown_survey = Опроса `{ $id }` нет. Опросы: { $valid }.
error-unknown_flow = Сценария `{ $id }` нет. Сценарии: { $valid }.
error-unknown_template = Шаблона «{ $name }» нет. Список: `/template list`.
error-invalid_schedule = Не могу понять время "{ $text }"{ $reason ->
    [past] : оно уже прошло.
   *[other] .
  }
error-invalid_campaign_transition = Кампания #{ $id } в статусе «{ $status }», это действие уже невозможно.
error-self_approval = Кампанию #{ $id } создали вы; одобрить её должен другой человек.
error-empty_audience = В этом сегменте сейчас некому писать — планировать нечего.
error-segment_text = Не могу разобрать сегмент: ошибка на позиции { $position }.{ $suggestion ->
    [none] {""}
   *[other] {" "}Возможно, вы имели в виду { $suggestion }?
  }{ $choices ->
    [0] {""}
   *[other] {" "}Здесь подходит: { $expected }.
  }
error-segment_not_found = Сегмента '{ $name }' нет. Все сегменты: /segment list.
error-invalid_segment_name = «{ $name }» не может быть именем сегмента: нужно 1-64 символа из a-z 0-9 _ -, и это не должно быть имя встроенного сегмента.
error-customer_not_found = Клиент по запросу «{ $query }» не найден.
error-customer_ambiguous = Клиентов с именем «{ $query }»: { $count } — { $matches }. Укажите одного по #id, например `/customer show { $first }`.
error-unknown_subscriber = Такого подписчика нет.
error-unsupported_language = Этот язык не поддерживается.
error-invalid_period = Такой период не подходит: конец должен быть позже начала.
error-unknown_period = Не знаю такой период: «{ $text }».
error-invalid_spend = Расходы указаны неверно: нужны источник, даты и неотрицательная сумма.
error-invalid_spend_text = Не получается прочитать это как затраты ({ $reason ->
    [missing_source] сначала название источника: буквы, цифры, _ или -
    [bad_amount] сумма — число, например 8000 или 8 000,50
    [missing_period] не указан период: ноябрь, прошлый месяц, этот квартал...
    [bad_reach] охват после «охват» — число людей
   *[bad_id] `/spend delete` принимает номер из `/spend list`
  }).
error-invalid_cron = Это не выражение cron. Пример: "0 9 * * 1" (по понедельникам в 09:00).
error-digest_not_posted = Дайджест не удалось опубликовать; попробую ещё раз.
error-csv_import = Файл CSV не удалось загрузить: проверьте строку заголовков и формат.
error-batch_too_large = В одной пачке не больше { $max } записей, а в этой { $size }.
error-chain_not_found = Цепочки `{ $id }` нет. Цепочки: { $known }.
error-chain_already_paused = Цепочка `{ $id }` уже на паузе. `/chains resume { $id }` возобновит её.
error-chain_not_paused = Цепочка `{ $id }` не на паузе.

## Не ошибки предметной области, но отвечает на них та же таблица
# Значение не прошло проверку (zod); $message — первая проблема.
error-invalid_input = Неверные данные: { $message }
# Slack не дал опубликовать: приложения нет в канале (или писать туда нельзя).
error-cannot_post = Не могу писать туда ({ $error }): пригласите меня командой `/invite @Chatloop`.
# Кнопка с чужим или испорченным значением (старое сообщение, ошибка клиента).
error-invalid_action = Эта кнопка больше не работает. Выполните команду ещё раз.
error-ab_not_a_test = Кампания #{ $id } — не A/B-тест с выбором победителя.
error-ab_already_decided = A/B-тест кампании #{ $id } уже решён.
error-ab_not_running = Кампания #{ $id } сейчас в статусе { $status }: тест можно решить, когда она идёт.
