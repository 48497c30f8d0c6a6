## Telegram: подписка и согласие (double opt-in)
consent-question =
    Здравствуйте{ $name ->
        [none] {""}
       *[other] , { $name }
    }! Я ассистент { $brand }.
    Можно присылать вам персональные предложения, новости и короткие опросы здесь, в Telegram? Отписаться можно в любой момент командой /stop.
consent-yes = ✅ Да, подписаться
consent-no = Нет, спасибо
consent-confirmed = Вы подписаны. Спасибо! Отписаться — /stop, сменить язык — /language.
consent-declined = Хорошо, мы ничего не будем присылать. Если передумаете, отправьте /start.
consent-already = Вы уже подписаны. Отписаться — /stop, сменить язык — /language.
consent-expired = Эта кнопка больше не действует. Чтобы подписаться, отправьте /start.
button-expired = Эта кнопка больше не действует.

## Telegram: отписка
unsubscribed = Вы отписаны и больше не получите от нас сообщений. Передумаете — отправьте /start.
unsubscribed-already = Вы не подписаны, мы ничего вам не присылаем. Чтобы подписаться, отправьте /start.

## Telegram: язык
language-choose = Выберите язык:
language-set = Готово: теперь я говорю с вами по-русски.

## Telegram: /help
telegram-help =
    Я ассистент { $brand }. С вашего согласия я присылаю здесь персональные предложения, новости и короткие опросы, а несколько быстрых вопросов помогают нам подобрать то, что вам подойдёт.
    Что можно мне отправить:
    { $commands }

## Telegram: /settings
settings-summary =
    Ваши настройки:
    • Язык: { $language }
    • Предложения и новости: { $subscription }
    Изменить их можно кнопками ниже.
settings-subscribed = вы подписаны
settings-not-subscribed = вы не подписаны
settings-subscribe = 🔔 Подписаться
settings-unsubscribe = 🔕 Отписаться

## Telegram: то, что бот не понял
unknown-command = Не знаю такой команды. /help покажет, что я умею.
unhandled-message = Не понял вас. Отправьте /help, чтобы увидеть, что я умею, или /stop, чтобы отписаться.
error-generic = Извините, у нас что-то пошло не так. Попробуйте через минуту.

## Telegram: меню команд бота
command-start = Подписаться
command-stop = Отписаться
command-language = Сменить язык
command-settings = Язык и подписка
command-help = Что я умею
command-cancel = Выйти из текущих вопросов
