## Slack: cards about customers (hot leads, detractors, feedback, help requests)
slack-card-erased = 🗑 Customer #{ $id } asked us to erase their data: this card's details and their messages are removed.
slack-hot-lead-title = 🔥 Hot lead: { $name }
slack-detractor-title = ⚠️ { $survey } { $score }/{ $max } from { $name }
slack-feedback-title = 💬 Feedback from { $name }
slack-told-after-hours = :crescent_moon: Outside team hours: the customer was told someone will answer from { $when }.
slack-help-title = 🙋 { $name } needs help
slack-customer-unnamed = Customer #{ $id }
slack-field-flow = Flow
slack-field-score = Lead score
slack-field-source = Source
slack-field-contacts = Contacts
slack-field-survey-score = Score
slack-field-reason = Reason
slack-field-stage = Lifecycle stage
slack-field-orders = Orders
slack-field-total = Total spent
slack-field-last-order = Last order
slack-field-answers = Answers
slack-field-stuck-on = Stuck on
slack-field-feedback = Feedback
slack-qualification = { $qualification ->
        [hot] hot
        [warm] warm
       *[cold] cold
    }
slack-trigger = { $trigger ->
        [deep_link] flow link
        [source] link
        [command] command
        [keyword] keyword
        [campaign] campaign
       *[other] { $trigger }
    }
slack-reason-pending = _waiting for their answer…_
slack-reason-skipped = _they skipped the question_
slack-reason-none = _not asked_
slack-reason-unanswered = _no answer to the question_
slack-orders-none = no orders yet
slack-no-contacts = only Telegram so far
slack-no-source = direct
slack-skipped = _skipped_
slack-open-profile = Open profile
slack-thread-hint = Reply in this thread to write to the customer in Telegram. Start a reply with // to keep it inside the team.
slack-relay-refused = { $reason ->
        [no_consent] ⚠️ Not sent: the customer has unsubscribed, and we don't write to people who did. If they write again, the thread will show it.
        [blocked] ⚠️ Not sent: the customer has blocked the bot.
        [erased] ⚠️ Not sent: the customer asked us to erase their data.
       *[other] ⚠️ Not sent: the customer can't be reached in Telegram.
    }
slack-relay-files-dropped = ℹ️ The text went to the customer; attachments are not sent to Telegram.
slack-relay-files-only = ⚠️ Not sent: attachments can't be relayed to Telegram. Write the message as text.
slack-relay-failed = { $reason ->
        [blocked] ⚠️ Not delivered: the customer has blocked the bot.
        [unreachable] ⚠️ Not delivered: the customer can't be reached in Telegram.
        [rate_limited] ⚠️ Not delivered yet: Telegram asks us to slow down. Please send it again in a minute.
       *[other] ⚠️ Not delivered: Telegram refused the message ({ $description }).
    }

## Slack: the customer profile (modal)
slack-profile-title = Customer profile
slack-profile-close = Close
slack-profile-missing = This customer is no longer in the database.
slack-profile-name = Name
slack-profile-telegram = Telegram
slack-profile-language = Language
slack-profile-consent = Consent
slack-profile-since = Known since
slack-profile-email = E-mail
slack-profile-phone = Phone
slack-profile-source = Source
slack-profile-tags = Tags
slack-profile-fields = Profile
slack-profile-lead = Latest qualification
slack-profile-lead-value = { $flow }: { $score } points, { $qualification }
slack-profile-nps = Latest NPS
slack-profile-none = -
