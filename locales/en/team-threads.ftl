## Telegram: the team writes to the customer (replies in a Slack thread)
team-reply-to-customer =
    💬 Message from our team:

    { $text }

    You can reply right here.
team-reply-forwarded = Thanks, I've passed your message on to the team.
team-reply-unreadable = I can only pass text messages on to the team. Please write your answer in words.
free-text-forwarded = Thank you! I've passed your message on to our team; they'll answer you right here.
free-text-forwarded-after-hours = Thank you! I've passed your message on to our team. They are off right now and will answer you here from { $when }.
