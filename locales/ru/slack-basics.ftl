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
