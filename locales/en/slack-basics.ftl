## Slack: /segment
segment-list-title = Audiences
segment-everyone = Everyone
segment-subscribed = Subscribed (opted in, reachable)
segment-pending = Awaiting confirmation
segment-unsubscribed = Unsubscribed
segment-blocked = Blocked the bot
segment-usage = Usage: `/segment list`
slack-not-allowed = Sorry, you don't have access to this command. Ask an admin of the app to add you.
slack-error = Something went wrong while running that command; it is logged. Please try again.
slack-working = ⏳ Working on it, the answer will follow here.
mention-help = Ask me about segments and figures in your own words - "how many loyal customers do we have?", "what was NPS last week?", "revenue last month" - or name a command: "segment list", "metrics help", "send help". Campaigns are never scheduled from a message: I answer with the pre-flight card, and you press Schedule.
mention-use-command = Use { $command } for that (type it in any channel).
