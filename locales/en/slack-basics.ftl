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

## Domain errors in the team's language (error-<code>)
error-unknown_period = I don't know the period "{ $text }".
error-segment_not_found = There is no segment called '{ $name }'. /segment list shows them all.
error-customer_not_found = No customer matches "{ $query }".
error-unknown_template = There is no saved template "{ $name }". `/template list` shows them.
error-self_approval = Campaign #{ $id } was created by you; another person must approve it.
