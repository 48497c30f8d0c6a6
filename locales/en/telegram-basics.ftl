## Telegram: subscription and consent (double opt-in)
consent-question =
    Hi{ $name ->
        [none] {""}
       *[other] , { $name }
    }! I'm the { $brand } assistant.
    May we send you personal offers, news and short surveys here in Telegram? You can unsubscribe at any time with /stop.
consent-yes = ✅ Yes, subscribe me
consent-no = No, thanks
consent-confirmed = You're subscribed. Thank you! Send /stop at any time to unsubscribe, /language to change the language.
consent-declined = No problem, we won't send you anything. If you change your mind, send /start.
consent-already = You're already subscribed. Send /stop to unsubscribe, /language to change the language.
consent-expired = This button is no longer active. Send /start to subscribe.
button-expired = This button is no longer active.

## Telegram: unsubscribe
unsubscribed = You're unsubscribed and won't get any more messages from us. Changed your mind? Send /start to come back.
unsubscribed-already = You're not subscribed, so we don't send you anything. Send /start to subscribe.

## Telegram: language
language-choose = Choose your language:
language-set = Done: I'll speak English with you now.

## Telegram: /help
telegram-help =
    I'm the { $brand } assistant. With your consent I send you personal offers, news and short surveys here, and a few quick questions help us find what suits you.
    What you can send me:
    { $commands }

## Telegram: /settings
settings-summary =
    Your settings:
    • Language: { $language }
    • Offers and news: { $subscription }
    Change them with the buttons below.
settings-subscribed = you're subscribed
settings-not-subscribed = you're not subscribed
settings-subscribe = 🔔 Subscribe
settings-unsubscribe = 🔕 Unsubscribe

## Telegram: anything we did not understand
unknown-command = I don't know that command. /help shows what I can do.
unhandled-message = I didn't catch that. Send /help to see what I can do, /stop to unsubscribe.
error-generic = Sorry, something went wrong on our side. Please try again in a minute.

## Telegram: the bot's command menu
command-start = Subscribe
command-stop = Unsubscribe
command-language = Change language
command-settings = Your language and subscription
command-help = What I can do
command-cancel = Leave the current questions
