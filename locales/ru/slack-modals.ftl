## Slack: окна кампании и сегмента (/send без слов, «Новая кампания», «Новый сегмент»)
send-modal-opened = Открыта форма кампании. Удобнее печатать? Всё, о чём она спрашивает, умещается в одну строку:
home-new-campaign = Новая кампания
home-new-segment = Новый сегмент
segments-save-as = Сохранить как сегмент
modal-campaign-title = Новая кампания
modal-campaign-submit = Проверить
modal-segment-title = Новый сегмент
modal-segment-submit = Сохранить
modal-cancel = Отмена
modal-close = Закрыть
modal-audience = Аудитория
modal-audience-placeholder = лояльные клиенты, потратившие больше 300 за 90 дней
modal-audience-hint = Имя сегмента, правило (lifecycle = loyal and spent_90d > 300) или слова; Enter покажет, кто это и сколько их. Сегменты: { $names }
modal-audience-hint-short = Имя сегмента, правило (lifecycle = loyal and spent_90d > 300) или слова; Enter покажет, кто это и сколько их.
modal-audience-note = Введите аудиторию и нажмите Enter: здесь появится её размер.
modal-audience-understood = Понято как: `{ $form }` ({ $words }) · *{ $size }* чел.
modal-audience-choice = Эти слова можно понять по-разному; введите один из вариантов: { $forms }
modal-message = Сообщение
modal-message-placeholder = {"{"}first_name{"}"}, мы скучаем: -20% по коду BACK20
modal-message-hint = Подстановки: { $placeholders }. Для опроса или сценария оставьте пустым.
modal-message-preview = Предпросмотр { $variant }: { $text }
modal-date = Дата
modal-date-hint = Пусто: сегодня. Дата без времени — в 10:00.
modal-time = Время ({ $timezone })
modal-time-hint = Оба поля пусты: сейчас. Часовой пояс команды; по времени каждого клиента — `/send ... --local-time`.
modal-holdout = Контрольная группа (%)
modal-holdout-hint = Доля аудитории без сообщения, 0–50. Пусто: без контрольной группы.
modal-ab = A/B: текст варианта B
modal-ab-hint = Необязательно: половина аудитории получит этот текст.
modal-content = Опрос или сценарий вместо сообщения
modal-content-hint = Необязательно. Если выбрали, оставьте сообщение пустым.
modal-content-none = Нет: сообщение
modal-content-survey = Опрос: { $id }
modal-content-flow = Сценарий: { $id }
modal-segment-name = Имя
modal-segment-name-hint = 1–64 символа из a-z 0-9 _ -, первый — буква или цифра; его понимают /send и /segment show.
modal-segment-rule = Кто в него входит
modal-segment-rule-hint = Слова или правило (lifecycle = loyal and spent_90d > 300); Enter покажет, как это понято и сколько человек.
modal-error-audience-empty = Укажите, кому отправить: имя сегмента, правило или слова.
modal-error-message-empty = Напишите сообщение или выберите ниже опрос или сценарий.
modal-error-message-and-content = Опрос или сценарий задаёт свои вопросы: оставьте сообщение пустым или выберите «Нет».
modal-error-placeholder = Неизвестная подстановка; доступны { $placeholders }.
modal-error-ab-needs-message = Варианту B нужно сообщение A, с которым он соревнуется.
modal-error-past = { $when } уже прошло: выберите дату или время позже или оставьте оба поля пустыми, чтобы отправить сейчас.
modal-error-holdout = Контрольная группа — целое число от 0 до 50.
