## Slack: access
slack-denied = Sorry, you can't { $action ->
    [send] schedule campaigns or change segments and templates
    [approve] approve campaigns
    [admin] do that - it is for admins
   *[view] use Chatloop
  }. Ask an admin to add you to { $action ->
    [send] SLACK_SENDERS
    [approve] SLACK_APPROVERS
    [admin] SLACK_ADMINS
   *[view] SLACK_VIEWERS
  }.

## Slack: /send usage and errors
send-usage = Usage: `/send SEGMENT MESSAGE WHEN [options]` - SEGMENT is a saved segment or a "quoted rule", MESSAGE is "quoted text" with {"{"}first_name{"}"} or a saved template, WHEN is e.g. tomorrow 10am, friday 19:00, в пятницу в 19:00, now. Options: --local-time, --holdout 10%, --ab "text B", --cost 5000, --survey nps, --flow ID, --button "Label | https://...", --name "Campaign name"; an A/B test that picks its winner: --ab "text B" --test 20% --winner-after 4h [--by clicks|conversions|replies] [--default B].
send-example = Example: `/send winback "Hi {"{"}first_name{"}"}, we miss you: -20% with BACK20" tomorrow 10am --holdout 10% --cost 5000`
send-error-missing_segment = Which segment? Start with a saved segment's name or a "quoted rule".
send-error-missing_message = What should it say? Put the text in quotes, name a saved template, or use --survey / --flow.
send-error-missing_when = When should it go out? Add a time such as `tomorrow 10am` or `now`.
send-error-unknown_option = I don't know the option `{ $option }`.
send-error-option_needs_value = `{ $option }` needs a value.
send-error-bad_holdout = The holdout must be 1-50%, e.g. `--holdout 10%` (got `{ $value }`).
send-error-bad_cost = The cost must be a number, e.g. `--cost 5000` (got `{ $value }`).
send-error-bad_button = A button is `--button "Label | https://..."` (got `{ $value }`).
send-error-unclosed_quote = A quote is not closed.
send-error-survey_and_flow = Use --survey or --flow, not both.
send-error-ab_needs_message = --ab needs a text message to compare with.
send-error-bad_test = The test share must be 2-90%, e.g. `--test 20%` (got `{ $value }`).
send-error-bad_winner_after = The waiting time is like `--winner-after 4h` (from 15m to 14d; got `{ $value }`).
send-error-bad_by = The winner is picked `--by clicks`, `--by conversions` or `--by replies` (got `{ $value }`).
send-error-bad_default = The default variant is `--default A` or `--default B` (got `{ $value }`).
send-error-test_needs_share = Say how much of the audience to test on, e.g. `--test 20%`.
send-error-test_needs_ab = A test needs two variants: add `--ab "text B"` (or `--ab-survey ID` for a survey).
send-error-ab_survey_needs_survey = `--ab-survey` is the second survey of a survey campaign: add `--survey ID` too.
send-error-extra_text = I don't know what to do with "{ $value }": only one quoted message, and the time without quotes.
send-error-invalid_schedule = I can't read the time "{ $text }"{ $reason ->
    [past] : it is in the past.
   *[other] .
  }
send-error-unknown_survey = There is no survey `{ $id }`. Surveys: { $valid }.
send-error-unknown_flow = There is no flow `{ $id }`. Flows: { $valid }.
send-error-unknown_template = There is no saved template "{ $name }". `/template list` shows them.
send-error-invalid_input = The message is not valid: { $message }
send-error-empty_audience = Nobody in this segment can be messaged right now, so there is nothing to schedule.

## Slack: the pre-flight card
preflight-title = Pre-flight: { $name }
preflight-segment = *Segment:* { $segment }
preflight-when = *Sends:* { $when }
preflight-when-local = *Sends:* { $when } in each customer's own timezone
preflight-matched = *Matched:* { $matched }
preflight-matched-at-send = *Matched:* { $matched } (as of the send time; a preview now can differ)
preflight-recipients = *Will receive:* { $recipients }
preflight-excluded = *Left out:* { $noConsent } without consent, { $unsubscribed } unsubscribed, { $blocked } blocked or unreachable, { $capped } over the frequency cap
preflight-split = *Split:* holdout { $holdout } (control group, gets nothing) - A { $a }{ $b ->
    [0] {""}
   *[other] {" "}- B { $b }
  }
preflight-ab-test = *A/B test:* A { $a } and B { $b } now ({ $percent }% of the audience), then the winner to the other { $rest } · holdout { $holdout } (gets nothing) · decided { $when } by { $by } (no clear winner: { $default })
preflight-ab-detectable = *The test can detect* a difference of { $detectable } points in { $by } (around a { $baseline }% rate).
preflight-ab-too-small = :warning: *The test groups are small:* they can only detect a difference of { $detectable } points in { $by } (around a { $baseline }% rate), not a 20% lift. About { $needed } people per variant would; raise `--test` or widen the audience.
preflight-ab-too-small-none = :warning: *The test groups are empty or too small to compare anything.* Raise `--test` or widen the audience.
preflight-quiet = *Quiet hours:* { $deferred } will get it when their quiet hours end ({ $window } in each customer's own time)
preflight-survey = *Survey:* `{ $id }`
preflight-flow = *Flow:* `{ $id }`
preflight-long-text = *Long text:* up to { $chars } characters - each customer gets it as { $parts } messages (Telegram takes { $limit } per message); the buttons come with the last
preflight-eta = *Takes:* about { $eta } at the sending rate of { $rate }/s (DELIVERY_RATE)
preflight-cost = *Cost:* { $cost } (for ROMI)
preflight-far-ahead = :warning: *Sends in { $days } days.* Is that the date you meant? Numeric dates are read { $order ->
    [mdy] month first (10/12 = October 12)
   *[dmy] day first (10/12 = 10 December)
  } (DATE_ORDER).
preflight-small-group = :warning: *{ $group ->
    [holdout] The holdout
   *[variant_b] Variant B
  } ({ $size }) is too small to measure anything.* To tell a lift from { $base }% to { $target }% conversion from chance (95% confidence, 80% power) { $needed ->
    [none] each group needs { $balanced } people: { $total } in all, and the segment reaches { $reach }.
   *[other] it needs at least { $needed } beside the { $other } { $group ->
        [holdout] who get the message
       *[variant_b] in A
      } (or { $balanced } in each of two equal groups).
  }
preflight-preview = *Preview* (for a customer named Anna):
preflight-preview-b = *Variant B:*
preflight-approval = A second person with approval rights must approve it before it goes out.
preflight-schedule = Schedule
preflight-submit = Submit for approval
preflight-edit = Edit
preflight-cancel = Cancel

## Slack: campaign actions
campaign-scheduled = :white_check_mark: Campaign #{ $id } "{ $name }" is scheduled for { $when }. `/campaigns show { $id }` to follow it.
campaign-submitted = :hourglass: Campaign #{ $id } "{ $name }" waits for approval; I posted the request in the team channel.
campaign-approval-request = :raising_hand: <@{ $author }> wants to send campaign #{ $id } "{ $name }" to { $recipients } customers on { $when }. Someone with approval rights, please review:
campaign-approve = Approve
campaign-reject = Reject
campaign-approved = :white_check_mark: Campaign #{ $id } "{ $name }" approved by <@{ $user }>; it goes out { $when }.
campaign-rejected = :no_entry: Campaign #{ $id } "{ $name }" was rejected by <@{ $user }>.
campaign-cancelled = Campaign #{ $id } is cancelled; nothing more will be sent.
campaign-draft-cancelled = Cancelled; nothing was scheduled.
campaign-edit = To change it, run the command again with your changes:
campaign-paused = Campaign #{ $id } is paused. `/campaigns resume { $id }` continues it.
campaign-resumed = Campaign #{ $id } continues.
campaign-error-self_approval = You created this campaign, so someone else must approve it.
campaign-error-invalid_campaign_transition = Campaign #{ $id } is { $status }, so that is not possible any more.
campaign-error-not_found = There is no campaign #{ $id }.

## Slack: /campaigns
campaigns-usage = Usage: `/campaigns` (list), `/campaigns drafts` (unscheduled drafts), `/campaigns show ID`, `/campaigns pause ID`, `/campaigns resume ID`, `/campaigns cancel ID`. Example: `/campaigns show 12`
campaigns-title = Campaigns
campaigns-empty = No campaigns yet. Schedule one with `/send`.
campaigns-line = #{ $id } *{ $name }* - { $status } - { $when } - { $progress }
campaigns-progress = { $sent } of { $total } sent
campaigns-drafts-title = Drafts (not scheduled; each expires 24 hours after its pre-flight card)
campaigns-drafts-empty = No open drafts. `/send` makes one with its pre-flight card.
campaigns-draft-line = #{ $id } *{ $name }* - `{ $segment }` - for { $when } - by <@{ $user }>
campaigns-drafts-hint = { $count ->
    [one] 1 draft is not scheduled yet: `/campaigns drafts`
   *[other] { $count } drafts are not scheduled yet: `/campaigns drafts`
  }
campaign-status-draft = draft
campaign-status-pending_approval = waiting for approval
campaign-status-scheduled = scheduled
campaign-status-running = sending
campaign-status-paused = paused
campaign-status-completed = finished
campaign-status-cancelled = cancelled
report-title = Campaign #{ $id }: { $name }
report-status = *Status:* { $status } - { $when }
report-delivery = *Delivered:* { $delivered } - *failed:* { $failed } - *skipped:* { $skipped } - *waiting:* { $pending }
report-reasons = *Why not delivered:* { $reasons }
report-clicks = *Clicked:* { $clicked } ({ $rate })
report-converted = *Converted* (paid within { $days } days): { $converted } of { $size } in the target group, delivered or not ({ $rate }) - revenue { $revenue }
report-holdout = *Holdout:* { $converted } of { $size } ({ $rate }) - revenue { $revenue }
report-variant = *Variant { $variant }:* { $converted } of { $size } converted ({ $rate }), { $clicked } clicked, revenue { $revenue }
report-variant-rest-waiting = the rest (waiting for the winner)
report-variant-rest = { $winner } to the rest
report-ab-waiting = *A/B test:* { $percent }% of the audience, decided { $when } by { $by } (no clear winner: { $default })
report-ab-decided = *A/B test:* { $percent }% of the audience · *{ $winner }* went to the rest, { $reason ->
    [significant] it won by { $by }
    [manual] chosen by <@{ $user }>
    [too_small] the default: the groups were too small to tell by { $by }
   *[not_significant] the default: no clear winner by { $by }
  } ({ $figures }) · { $when }
report-lift = *Incremental:* { $conversions } conversions, revenue { $revenue }
report-attributed = *Attributed revenue* (last touch): { $revenue }
report-romi = *ROMI:* { $romi } on cost { $cost } ({ $basis ->
    [incremental] incremental revenue
   *[other] attributed revenue
  })
report-no-holdout = No holdout: the incremental effect cannot be measured. Next time add `--holdout 10%`.
report-significance = { $note ->
    [significant] The difference from the holdout is statistically significant (p = { $p }).
    [not_significant] The difference from the holdout is not significant yet (p = { $p }): it may be chance.
   *[too_small] The groups are too small (under 30 each) to tell the effect from chance.
  }

## Slack: /template
template-usage = Usage: `/template list`, `/template save NAME "text with {"{"}first_name{"}"}" [--button "Label | https://..."]`, `/template delete NAME`. Example: `/template save black_friday "{"{"}first_name{"}"}, -30% on everything until Sunday!"`
template-saved = Template *{ $name }* saved. Use it: `/send SEGMENT { $name } WHEN`.
template-deleted = Template *{ $name }* deleted.
template-list-title = Saved templates
template-list-empty = No templates yet.
template-error-unknown_template = There is no template "{ $name }".

## Slack: /audit
audit-title = Audit log (latest { $count })
audit-empty = The audit log is empty.
audit-usage = Usage: `/audit [N]` - the latest N entries of the audit log (default 25, at most 100). Example: `/audit 50`

## Slack: help
help-text = *Chatloop commands*
    `/segment list` - audiences and saved segments with live sizes
    `/segment show NAME` - a segment in words, its size, breakdowns and a sample
    `/segment preview RULE` - the size of a rule before you save it
    `/segment save NAME RULE` - save a segment; `/segment delete NAME`
    `/send SEGMENT "text" WHEN [--holdout 10%] [--ab "text B"] [--cost 5000] [--local-time] [--survey nps] [--flow ID] [--button "Label | https://..."]` - a campaign, shown as a pre-flight card first (`/send help` for more)
    `/campaigns` - scheduled, running and finished campaigns; `show`, `pause`, `resume`, `cancel ID`
    `/template save NAME "text"` - a message to reuse; `/template list`, `/template delete NAME`
    `/metrics [period] [by source | segment NAME]` - the key figures against the previous period; `/metrics help` - what they mean
    `/spend SOURCE AMOUNT PERIOD [reach N]` - acquisition spend for CAC; `/spend list`, `/spend delete ID`
    `/digest now [period]` - the weekly digest in this channel; `/digest preview` - only for you
    `/audit [N]` - who did what, the latest N entries (admins)
    `/customer show|export|erase QUERY` - one customer's data (admins)
    `/chatloop QUESTION` - ask in your own words, English or Russian: `/chatloop how many loyal customers do we have?` (also by @mention or direct message)

## Slack: durations
duration-seconds = { $n } s
duration-minutes = { $n } min
duration-hours = { $n } h

## Slack: App Home
home-title = Chatloop dashboard
home-period = The last 7 days against the 7 days before
home-campaigns = Next campaigns
home-no-campaigns = Nothing scheduled. `/send` schedules a campaign.
home-detractors = Latest detractors (NPS 0-6)
home-no-detractors = No detractors lately.
home-help = `/metrics` for every figure, `/metrics help` for what they mean - `/segment list` for audiences - `/campaigns` for results.

## A/B tests that pick their winner
ab-measure-clicks = clicks
ab-measure-conversions = purchases
ab-measure-replies = answers
ab-card-title = 🧪 A/B test: #{ $id } { $name }
ab-card-body = A goes to { $a } and B to { $b } people ({ $percent }% of the audience); the winner goes to the other { $rest }. Decided { $when } by { $by } (no clear winner: { $default }). You can decide now or give it more time.
ab-send-a = Send A to the rest
ab-send-b = Send B to the rest
ab-wait = Wait longer
ab-figures = A { $a } of { $aSize }, B { $b } of { $bSize }, p = { $p }
ab-decided-significant = 🏁 A/B test #{ $id } { $name }: *{ $winner } wins* by { $by } ({ $figures }). Sending { $winner } to the remaining { $rest }.
ab-decided-not_significant = 🏁 A/B test #{ $id } { $name }: no clear winner by { $by } ({ $figures }). Sending the default, { $winner }, to the remaining { $rest }.
ab-decided-too_small = 🏁 A/B test #{ $id } { $name }: the test groups were too small to tell by { $by } ({ $figures }). Sending the default, { $winner }, to the remaining { $rest }.
ab-decided-manual = 🏁 A/B test #{ $id } { $name }: <@{ $user }> chose *{ $winner }* ({ $figures }). Sending { $winner } to the remaining { $rest }.
ab-extended = ⏳ <@{ $user }> gave A/B test #{ $id } more time: it is now decided { $when }.
