## Slack: доступ
slack-denied = Извините, вам нельзя { $action ->
    [send] планировать кампании и менять сегменты и шаблоны
    [approve] одобрять кампании
    [admin] это делать — только для администраторов
   *[view] пользоваться Chatloop
  }. Попросите администратора добавить вас в { $action ->
    [send] SLACK_SENDERS
    [approve] SLACK_APPROVERS
    [admin] SLACK_ADMINS
   *[view] SLACK_VIEWERS
  }.

## Slack: /send — использование и ошибки
send-usage = Формат: `/send СЕГМЕНТ СООБЩЕНИЕ КОГДА [опции]` — СЕГМЕНТ: имя сохранённого сегмента или "правило в кавычках", СООБЩЕНИЕ: "текст в кавычках" с {"{"}first_name{"}"} или имя шаблона, КОГДА: например, завтра в 10:00, в пятницу в 19:00, tomorrow 10am, сейчас. Опции: --local-time, --holdout 10%, --ab "текст B", --cost 5000, --survey nps, --flow ID, --button "Текст | https://...", --name "Название"; A/B-тест с выбором победителя: --ab "текст B" --test 20% --winner-after 4h [--by clicks|conversions|replies] [--default B].
send-example = Пример: `/send winback "{"{"}first_name{"}"}, мы скучаем: -20% по коду BACK20" завтра в 10:00 --holdout 10% --cost 5000`
send-error-missing_segment = Какой сегмент? Начните с имени сохранённого сегмента или "правила в кавычках".
send-error-missing_message = Что отправить? Текст в кавычках, имя шаблона или --survey / --flow.
send-error-missing_when = Когда отправить? Добавьте время, например `завтра в 10:00` или `сейчас`.
send-error-unknown_option = Не знаю опцию `{ $option }`.
send-error-option_needs_value = Опции `{ $option }` нужно значение.
send-error-bad_holdout = Контрольная группа — от 1 до 50%, например `--holdout 10%` (получено `{ $value }`).
send-error-bad_cost = Стоимость — число, например `--cost 5000` (получено `{ $value }`).
send-error-bad_button = Кнопка задаётся так: `--button "Текст | https://..."` (получено `{ $value }`).
send-error-unclosed_quote = Не закрыта кавычка.
send-error-survey_and_flow = Укажите либо --survey, либо --flow.
send-error-ab_needs_message = Для --ab нужен текст сообщения, с которым сравнивать.
send-error-bad_test = Доля теста — от 2 до 90%, например `--test 20%` (получено `{ $value }`).
send-error-bad_winner_after = Время ожидания — например `--winner-after 4h` (от 15m до 14d; получено `{ $value }`).
send-error-bad_by = Победителя выбирают `--by clicks`, `--by conversions` или `--by replies` (получено `{ $value }`).
send-error-bad_default = Вариант по умолчанию — `--default A` или `--default B` (получено `{ $value }`).
send-error-test_needs_share = Укажите, на какой доле аудитории тестировать, например `--test 20%`.
send-error-test_needs_ab = Для теста нужны два варианта: добавьте `--ab "текст B"` (или `--ab-survey ID` для опроса).
send-error-ab_survey_needs_survey = `--ab-survey` — второй опрос опросной кампании: добавьте и `--survey ID`.
send-error-extra_text = Не понимаю, что делать с "{ $value }": в кавычках только одно сообщение, время — без кавычек.
send-error-invalid_schedule = Не могу понять время "{ $text }"{ $reason ->
    [past] : оно уже прошло.
   *[other] .
  }
send-error-unknown_survey = Опроса `{ $id }` нет. Опросы: { $valid }.
send-error-unknown_flow = Сценария `{ $id }` нет. Сценарии: { $valid }.
send-error-unknown_template = Шаблона "{ $name }" нет. Список: `/template list`.
send-error-invalid_input = Сообщение некорректно: { $message }
send-error-empty_audience = В этом сегменте сейчас некому писать — планировать нечего.

## Slack: карточка перед запуском
preflight-title = Перед запуском: { $name }
preflight-segment = *Сегмент:* { $segment }
preflight-when = *Отправка:* { $when }
preflight-when-local = *Отправка:* { $when } по местному времени каждого клиента
preflight-matched = *В сегменте:* { $matched }
preflight-matched-at-send = *В сегменте:* { $matched } (на момент отправки; сейчас их может быть другое число)
preflight-recipients = *Получат:* { $recipients }
preflight-excluded = *Исключены:* { $noConsent } без согласия, { $unsubscribed } отписались, { $blocked } заблокировали или недоступны, { $capped } превысили лимит частоты
preflight-split = *Разбивка:* контрольная группа { $holdout } (ничего не получит) — A { $a }{ $b ->
    [0] {""}
   *[other] {" "}— B { $b }
  }
preflight-ab-test = *A/B-тест:* сейчас A { $a } и B { $b } ({ $percent }% аудитории), затем победитель остальным { $rest } · контрольная группа { $holdout } (ничего не получит) · решение { $when } по { $by } (если победителя нет — { $default })
preflight-ab-detectable = *Тест заметит* разницу в { $detectable } п.п. по { $by } (при уровне около { $baseline }%).
preflight-ab-too-small = :warning: *Тестовые группы малы:* они заметят только разницу в { $detectable } п.п. по { $by } (при уровне около { $baseline }%), а не прирост на 20%. Нужно около { $needed } человек на вариант: увеличьте `--test` или аудиторию.
preflight-ab-too-small-none = :warning: *Тестовые группы пусты или слишком малы для сравнения.* Увеличьте `--test` или аудиторию.
preflight-quiet = *Тихие часы:* { $deferred } получат сообщение, когда закончатся их тихие часы ({ $window } по местному времени клиента)
preflight-survey = *Опрос:* `{ $id }`
preflight-flow = *Сценарий:* `{ $id }`
preflight-long-text = *Длинный текст:* до { $chars } символов - каждый клиент получит его { $parts } сообщениями (Telegram принимает { $limit } в одном); кнопки будут в последнем
preflight-eta = *Займёт:* около { $eta } при скорости отправки { $rate }/с (DELIVERY_RATE)
preflight-cost = *Стоимость:* { $cost } (для ROMI)
preflight-far-ahead = :warning: *Отправка через { $days } дн.* Это та дата? Числовые даты читаются { $order ->
    [mdy] с месяца (10/12 = 12 октября)
   *[dmy] с дня (10/12 = 10 декабря)
  } (DATE_ORDER).
preflight-small-group = :warning: *{ $group ->
    [holdout] Контрольная группа
   *[variant_b] Вариант B
  } ({ $size }) слишком мала, чтобы что-то измерить.* Чтобы отличить рост конверсии с { $base }% до { $target }% от случайности (95% уверенности, мощность 80%), { $needed ->
    [none] в каждой группе нужно { $balanced } человек: всего { $total }, а сегмент охватывает { $reach }.
   *[other] нужно не меньше { $needed } при { $other } { $group ->
        [holdout] получателях
       *[variant_b] в варианте A
      } (или по { $balanced } в двух равных группах).
  }
preflight-preview = *Так увидит клиентка по имени Анна:*
preflight-preview-b = *Вариант B:*
preflight-approval = Перед отправкой кампанию должен одобрить второй человек с правом одобрения.
preflight-schedule = Запланировать
preflight-submit = Отправить на одобрение
preflight-edit = Изменить
preflight-cancel = Отменить

## Slack: действия с кампаниями
campaign-scheduled = :white_check_mark: Кампания #{ $id } «{ $name }» запланирована на { $when }. Следить: `/campaigns show { $id }`.
campaign-submitted = :hourglass: Кампания #{ $id } «{ $name }» ждёт одобрения; запрос опубликован в канале команды.
campaign-approval-request = :raising_hand: <@{ $author }> хочет отправить кампанию #{ $id } «{ $name }» { $recipients } клиентам { $when }. Кто может одобрять, посмотрите, пожалуйста:
campaign-approve = Одобрить
campaign-reject = Отклонить
campaign-approved = :white_check_mark: Кампанию #{ $id } «{ $name }» одобрил(а) <@{ $user }>; отправка { $when }.
campaign-rejected = :no_entry: Кампанию #{ $id } «{ $name }» отклонил(а) <@{ $user }>.
campaign-cancelled = Кампания #{ $id } отменена; больше ничего не будет отправлено.
campaign-draft-cancelled = Отменено; ничего не запланировано.
campaign-edit = Чтобы изменить, выполните команду ещё раз с правками:
campaign-paused = Кампания #{ $id } на паузе. Продолжить: `/campaigns resume { $id }`.
campaign-resumed = Кампания #{ $id } продолжается.
campaign-error-self_approval = Вы создали эту кампанию, поэтому одобрить её должен кто-то другой.
campaign-error-invalid_campaign_transition = Кампания #{ $id } в статусе «{ $status }», это действие уже невозможно.
campaign-error-not_found = Кампании #{ $id } нет.

## Slack: /campaigns
campaigns-usage = Формат: `/campaigns` (список), `/campaigns drafts` (черновики), `/campaigns show ID`, `/campaigns pause ID`, `/campaigns resume ID`, `/campaigns cancel ID`. Пример: `/campaigns show 12`
campaigns-title = Кампании
campaigns-empty = Кампаний пока нет. Запланируйте первую командой `/send`.
campaigns-line = #{ $id } *{ $name }* — { $status } — { $when } — { $progress }
campaigns-progress = отправлено { $sent } из { $total }
campaigns-drafts-title = Черновики (не запланированы; каждый пропадает через 24 часа после карточки проверки)
campaigns-drafts-empty = Открытых черновиков нет. `/send` создаёт черновик вместе с карточкой проверки.
campaigns-draft-line = #{ $id } *{ $name }* — `{ $segment }` — на { $when } — <@{ $user }>
campaigns-drafts-hint = Не запланировано черновиков: { $count } — `/campaigns drafts`
campaign-status-draft = черновик
campaign-status-pending_approval = ждёт одобрения
campaign-status-scheduled = запланирована
campaign-status-running = идёт отправка
campaign-status-paused = на паузе
campaign-status-completed = завершена
campaign-status-cancelled = отменена
report-title = Кампания #{ $id }: { $name }
report-status = *Статус:* { $status } — { $when }
report-delivery = *Доставлено:* { $delivered } — *ошибки:* { $failed } — *пропущено:* { $skipped } — *в очереди:* { $pending }
report-reasons = *Почему не доставлено:* { $reasons }
report-clicks = *Кликнули:* { $clicked } ({ $rate })
report-converted = *Купили* (в течение { $days } дн.): { $converted } из { $size } в целевой группе, доставлено или нет ({ $rate }) — выручка { $revenue }
report-holdout = *Контрольная группа:* { $converted } из { $size } ({ $rate }) — выручка { $revenue }
report-variant = *Вариант { $variant }:* купили { $converted } из { $size } ({ $rate }), кликнули { $clicked }, выручка { $revenue }
report-variant-rest-waiting = остальные (ждут победителя)
report-variant-rest = { $winner } остальным
report-ab-waiting = *A/B-тест:* { $percent }% аудитории, решение { $when } по { $by } (если победителя нет — { $default })
report-ab-decided = *A/B-тест:* { $percent }% аудитории · остальным ушёл *{ $winner }*, { $reason ->
    [significant] он победил по { $by }
    [manual] выбрал(а) <@{ $user }>
    [too_small] по умолчанию: группы слишком малы, чтобы судить по { $by }
   *[not_significant] по умолчанию: явного победителя по { $by } нет
  } ({ $figures }) · { $when }
report-lift = *Прирост:* { $conversions } покупок, выручка { $revenue }
report-attributed = *Выручка по последнему касанию:* { $revenue }
report-romi = *ROMI:* { $romi } при стоимости { $cost } ({ $basis ->
    [incremental] по приросту выручки
   *[other] по выручке последнего касания
  })
report-no-holdout = Без контрольной группы прирост измерить нельзя. В следующий раз добавьте `--holdout 10%`.
report-significance = { $note ->
    [significant] Разница с контрольной группой статистически значима (p = { $p }).
    [not_significant] Разница с контрольной группой пока незначима (p = { $p }): это может быть случайность.
   *[too_small] Группы слишком малы (меньше 30 человек), чтобы отличить эффект от случайности.
  }

## Slack: /template
template-usage = Формат: `/template list`, `/template save ИМЯ "текст с {"{"}first_name{"}"}" [--button "Текст | https://..."]`, `/template delete ИМЯ`. Пример: `/template save black_friday "{"{"}first_name{"}"}, -30% на всё до воскресенья!"`
template-saved = Шаблон *{ $name }* сохранён. Используйте: `/send СЕГМЕНТ { $name } КОГДА`.
template-deleted = Шаблон *{ $name }* удалён.
template-list-title = Сохранённые шаблоны
template-list-empty = Шаблонов пока нет.
template-error-unknown_template = Шаблона "{ $name }" нет.

## Slack: /audit
audit-title = Журнал действий (последние { $count })
audit-empty = Журнал действий пуст.
audit-usage = Формат: `/audit [N]` — последние N записей журнала (по умолчанию 25, не больше 100). Пример: `/audit 50`

## Slack: справка
help-text = *Команды Chatloop*
    `/segment list` — аудитории и сохранённые сегменты с текущими размерами
    `/segment show ИМЯ` — сегмент словами, размер, разбивки и примеры
    `/segment preview ПРАВИЛО` — размер правила до сохранения
    `/segment save ИМЯ ПРАВИЛО` — сохранить сегмент; `/segment delete ИМЯ`
    `/send СЕГМЕНТ "текст" КОГДА [--holdout 10%] [--ab "текст B"] [--cost 5000] [--local-time] [--survey nps] [--flow ID] [--button "Кнопка | https://..."]` — кампания, сначала карточка перед запуском (подробнее: `/send help`)
    `/campaigns` — запланированные, идущие и завершённые кампании; `show`, `pause`, `resume`, `cancel ID`
    `/template save ИМЯ "текст"` — сообщение для повторного использования; `/template list`, `/template delete ИМЯ`
    `/metrics [период] [by source | segment ИМЯ]` — ключевые показатели против прошлого периода; `/metrics help` — что они означают
    `/spend ИСТОЧНИК СУММА ПЕРИОД [охват N]` — затраты на привлечение для CAC; `/spend list`, `/spend delete НОМЕР`
    `/digest now [период]` — дайджест недели в этом канале; `/digest preview` — только для вас
    `/audit [N]` — кто что сделал, последние N записей (для администраторов)
    `/customer show|export|erase ЗАПРОС` — данные одного клиента (для администраторов)
    `/chatloop ВОПРОС` — спросить своими словами, по-русски или по-английски: `/chatloop сколько у нас лояльных клиентов?` (или упоминанием, или в личном сообщении)

## Slack: длительности
duration-seconds = { $n } с
duration-minutes = { $n } мин
duration-hours = { $n } ч

## Slack: домашняя вкладка
home-title = Панель Chatloop
home-period = Последние 7 дней против 7 дней до них
home-campaigns = Ближайшие кампании
home-no-campaigns = Ничего не запланировано. Запланировать: `/send`.
home-detractors = Последние критики (NPS 0–6)
home-no-detractors = Критиков в последнее время нет.
home-help = `/metrics` — все показатели, `/metrics help` — что они означают, `/segment list` — аудитории, `/campaigns` — результаты.

## A/B-тесты, которые выбирают победителя
ab-measure-clicks = кликам
ab-measure-conversions = покупкам
ab-measure-replies = ответам
ab-card-title = 🧪 A/B-тест: #{ $id } { $name }
ab-card-body = A получат { $a }, B — { $b } чел. ({ $percent }% аудитории); победитель уйдёт остальным { $rest }. Решение { $when } по { $by } (если победителя нет — { $default }). Можно решить сейчас или подождать ещё.
ab-send-a = Отправить A остальным
ab-send-b = Отправить B остальным
ab-wait = Подождать ещё
ab-figures = A { $a } из { $aSize }, B { $b } из { $bSize }, p = { $p }
ab-decided-significant = 🏁 A/B-тест #{ $id } { $name }: *победил { $winner }* по { $by } ({ $figures }). Отправляем { $winner } остальным { $rest }.
ab-decided-not_significant = 🏁 A/B-тест #{ $id } { $name }: явного победителя по { $by } нет ({ $figures }). Отправляем вариант по умолчанию, { $winner }, остальным { $rest }.
ab-decided-too_small = 🏁 A/B-тест #{ $id } { $name }: тестовые группы слишком малы, чтобы судить по { $by } ({ $figures }). Отправляем вариант по умолчанию, { $winner }, остальным { $rest }.
ab-decided-manual = 🏁 A/B-тест #{ $id } { $name }: <@{ $user }> выбрал(а) *{ $winner }* ({ $figures }). Отправляем { $winner } остальным { $rest }.
ab-extended = ⏳ <@{ $user }> дал(а) A/B-тесту #{ $id } больше времени: решение { $when }.
