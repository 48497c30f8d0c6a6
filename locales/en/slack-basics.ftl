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
