## Telegram: /mydata и /forget
command-mydata = Какие данные о вас хранятся
command-forget = Удалить ваши данные
privacy-nothing = Мы ничего о вас не храним.
privacy-summary =
    Вот что мы о вас храним:
    • Имя: { $name }
    • Язык: { $language }
    • Откуда вы пришли: { $source }
    • Согласие: { $consent }
    • Заказы: { $orders } (на сумму { $total })
    • Ответы на вопросы и опросы: { $answers }
    • Сообщения, которые мы вам отправили: { $messages }{ $referrals }
    Всё это — в приложенном файле. Чтобы удалить данные, отправьте /forget.
privacy-unknown = неизвестно
privacy-consent-subscribed-since = подписаны с { $since }
privacy-consent-subscribed = подписаны
privacy-consent-pending = запрошено, но ещё не подтверждено
privacy-consent-declined = вы отказались
privacy-consent-unsubscribed = отозвано (вы отписались)
privacy-consent-none = не давали
privacy-file-caption = Ваши данные в { $brand }
privacy-forget-confirm = Удалить ваши персональные данные? Мы удалим имя, контакты, профиль, ответы и комментарии и больше не сможем вам писать. Отменить это нельзя.
privacy-forget-yes = Да, удалить мои данные
privacy-forget-no = Нет, оставить
privacy-forget-kept = Ничего не удалено.
privacy-forgotten =
    Ваши персональные данные удалены: имя, имя пользователя, контакты, профиль, ответы, комментарии и история переписки с вами.
    Что мы сохранили, без всего, что вас идентифицирует: суммы и даты заказов и коды товаров (без названий), оценки в опросах и число приглашённых вами друзей (чтобы статистика оставалась верной), а также запись о том, что вы дали согласие на сообщения и отозвали его (закон требует, чтобы мы могли это показать).
    Мы больше не будем вам писать. Если отправите /start, вы начнёте как новый подписчик.

## Slack: /customer (для администраторов)
customer-usage = Формат: `/customer show ЗАПРОС`, `/customer export ЗАПРОС`, `/customer erase ЗАПРОС` — ЗАПРОС: #id, Telegram id, @username, e-mail, телефон или имя; `/customer ЗАПРОС` без слова показывает. Пример: `/customer export ann@example.com`
customer-card = *Клиент #{ $id }* — { $name }
    Telegram: { $telegram } — e-mail: { $email } — телефон: { $phone }
    Язык: { $language } — источник: { $source } — согласие: { $consent }
    Заказы: { $orders } (на сумму { $total }) — стадия: { $stage }
customer-erased-card = *Клиент #{ $id }* удалён { $when }.
customer-exported = Данные клиента #{ $id } — в файле, который я прислал вам в личные сообщения.
customer-export-title = Выгрузка данных клиента #{ $id }
customer-erase-confirm = Удалить персональные данные клиента #{ $id } ({ $name })? Имена, контакты, профиль, ответы и комментарии будут удалены; суммы заказов, оценки и история согласий останутся без персональных данных. Отменить это нельзя.
customer-erase-button = Удалить
customer-erased = Персональные данные клиента #{ $id } удалены (<@{ $user }>).
