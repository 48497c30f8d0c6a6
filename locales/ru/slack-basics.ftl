## Slack: /segment
segment-list-title = Аудитории
segment-everyone = Все
segment-subscribed = Подписаны (дали согласие, доступны)
segment-pending = Ждут подтверждения
segment-unsubscribed = Отписались
segment-blocked = Заблокировали бота
segment-usage = Использование: `/segment list`
slack-not-allowed = Извините, у вас нет доступа к этой команде. Попросите администратора приложения добавить вас.
slack-error = При выполнении команды что-то пошло не так; ошибка записана в лог. Попробуйте ещё раз.
slack-working = ⏳ Считаю, ответ придёт сюда же.

## Ошибки предметной области на языке команды (error-<code>)
error-unknown_period = Не знаю такой период: «{ $text }».
error-segment_not_found = Сегмента '{ $name }' нет. Все сегменты: /segment list.
error-customer_not_found = Клиент по запросу «{ $query }» не найден.
error-unknown_template = Шаблона «{ $name }» нет. Список: `/template list`.
error-self_approval = Кампанию #{ $id } создали вы; одобрить её должен другой человек.
