## Slack: слова, понятые /segment, /send и /metrics (core/language)
words-understood-as = Понял как: `{ $form }`
words-corrected = { $typed } прочитано как { $readAs }
words-choose = Эти слова можно понять по-разному. Что вы имели в виду?
words-choice-picked = <@{ $user }> выбрал(а) `{ $form }`
words-unknown-audience = Не знаю { $words } в описании аудитории.
words-unknown-question = Не знаю { $words } в вопросе о показателях.
words-did-you-mean = Может быть, { $suggestions }?
words-dangling-audience = Не понял, к чему относится { $words }: скажите, что считать (заказы, потратили, средний чек, последний заказ) и за какое время, например `потратили больше 300 за последние 90 дней`.
words-dangling-question = Не понял, что здесь значит { $words }: спросите показатель и период, например `выручка за последние 30 дней`.
words-nothing-audience = Кому? Опишите клиентов, например `лояльные клиенты`, `покупатели за последние 30 дней`, `критики`.
words-nothing-question = Какой показатель и за какой период? Например `выручка за прошлую неделю`, `NPS за этот месяц`, `ноябрь`.
words-no_message = Что написать? Возьмите текст в кавычки ("...", «...», “...”) или назовите сохранённый шаблон.
words-unquoted_message = Не знаю { $words } в описании аудитории. Если это текст сообщения, возьмите его в кавычки ("...", «...», “...”), например: `/send winback «−10% на ботинки всю неделю» завтра в 10:00`.
words-two_messages = Нашлось несколько текстов в кавычках ({ $words }). Отправьте один текст; для A/B-теста есть `--ab "текст B"`.
words-survey_and_message = Рассылка опроса отправляет сам опрос ({ $words }), свой текст ей не нужен: уберите текст в кавычках или опрос.
words-no_time = Когда отправить? Добавьте время, например `завтра в 10:00`, `в пятницу в 19:00`, `сейчас`.
words-help-hint = `{ $command } help` покажет, что можно написать.

words-help-segment =
    Опишите клиентов своими словами (по-русски или по-английски) или точным синтаксисом:
    • `/segment лояльные клиенты, потратившие больше 300 за последние 90 дней`
    • `/segment купили минимум 3 раза за последний год`
    • `/segment брошенная корзина за 2 дня` · `/segment кто не покупал больше полугода`
    • `/segment критики` · `/segment промоутеры` · `/segment подписчики из instagram_bio`
    Каждый ответ показывает точную форму, как его поняли (`lifecycle = loyal and spent > 300 within 90d`).
    Точно: `/segment list`, `/segment show ИМЯ`, `/segment preview ПРАВИЛО`, `/segment save ИМЯ ПРАВИЛО`, `/segment delete ИМЯ`.
words-help-send =
    Аудитория, текст и время в любом порядке (текст в кавычках):
    • `/send лояльным клиентам «Спасибо, что вы с нами!» завтра в 10:00`
    • `/send loyal customers "Thanks for being with us!" tomorrow at 10am`
    • `/send клиентам в зоне риска «Мы скучаем, {"{"}first_name{"}"}» завтра в 10:00 с контрольной группой 10%`
    • `/send опрос nps покупателям за последнюю неделю в пятницу в 12:00` · `/send winback шаблон welcome_back завтра в 11:00`
    Ничего не уходит, пока вы не нажмёте «Запланировать» в карточке проверки.
words-help-metrics =
    Спросите показатель и период:
    • `/metrics выручка за прошлую неделю` · `/metrics revenue last week`
    • `/metrics сколько заказов в прошлом месяце` · `/metrics NPS за этот месяц` · `/metrics средний чек в ноябре`
    • `/metrics ноябрь` · `/metrics этот квартал` · `/metrics за последние 30 дней` · `/metrics прошлый месяц по источникам`
words-help-builtins = *Встроенные аудитории*: лояльные, повторные, новые, потенциальные, ушедшие (воронка) · чемпионы, в зоне риска, нельзя потерять, спящие, потерянные... (RFM) · промоутеры, нейтралы, критики (NPS) · подписанные, отписавшиеся, заблокировали.
words-help-figures = *Показатели*: выручка, заказы, средний чек (AOV), NPS, LTV, ARPU, удержание, отток, новые подписчики, отписки, CAC, конверсия привлечения.
words-help-names = *В этой установке*
words-names-segments = Сохранённые сегменты: { $names }
words-names-sources = Источники: { $names }
words-names-tags = Теги: { $names }
words-names-events = События: { $names }
words-names-templates = Шаблоны: { $names }
words-names-surveys = Опросы: { $names }
words-names-none = пока нет
words-figure = *{ $label }*, { $period }: *{ $value }*{ $change }
words-figure-previous = { $value } за { $period }
words-figure-all = Все показатели: `{ $command }`
words-names-fields = Поля профиля: { $names }
