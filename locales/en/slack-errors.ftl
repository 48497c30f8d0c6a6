## Errors in the team's language: error-<code>, one per code of core/errors.ts
## (the table is bot/slack/error-replies.ts). A command's own wording
## (send-error-*, campaign-error-*) comes first where it has one.
## $message is the core's own English sentence.
error-not_found = { $message }
error-flow_not_found = There is no flow `{ $flowId }` in flows/qualification.
error-survey_not_found = There is no survey `{ $surveyId }` in flows/surveys.
error-unknown_survey = There is no survey `{ $id }`. Surveys: { $valid }.
error-unknown_flow = There is no flow `{ $id }`. Flows: { $valid }.
error-unknown_template = There is no saved template "{ $name }". `/template list` shows them.
error-invalid_schedule = I can't read the time "{ $text }"{ $reason ->
    [past] : it is in the past.
   *[other] .
  }
error-invalid_campaign_transition = Campaign #{ $id } is { $status }, so that is not possible any more.
error-self_approval = Campaign #{ $id } was created by you; another person must approve it.
error-empty_audience = Nobody in this segment can be messaged right now, so there is nothing to schedule.
error-segment_text = { $message }
error-segment_not_found = There is no segment called '{ $name }'. /segment list shows them all.
error-invalid_segment_name = { $message }
error-customer_not_found = No customer matches "{ $query }".
error-customer_ambiguous = { $count } customers are called "{ $query }": { $matches }. Name one by its #id, e.g. `/customer show { $first }`.
error-unknown_subscriber = { $message }
error-unsupported_language = { $message }
error-invalid_period = { $message }
error-unknown_period = I don't know the period "{ $text }".
error-invalid_spend = { $message }
error-invalid_spend_text = I can't read that as spend ({ $reason ->
    [missing_source] a source name of letters, digits, _ or - comes first
    [bad_amount] the amount is a number such as 8000 or 8 000,50
    [missing_period] the period is missing: november, last month, this quarter...
    [bad_reach] the reach after "reach" is a number of people
   *[bad_id] `/spend delete` takes the number `/spend list` shows
  }).
error-invalid_cron = { $message }
error-digest_not_posted = { $message }
error-csv_import = { $message }
error-batch_too_large = A batch holds at most { $max } items; this one has { $size }.
error-chain_not_found = There is no chain `{ $id }`. Chains: { $known }.
error-chain_already_paused = Chain `{ $id }` is already paused. `/chains resume { $id }` resumes it.
error-chain_not_paused = Chain `{ $id }` is not paused.

## Not domain errors, answered by the same table
# A value that failed validation (zod); $message is its first problem.
error-invalid_input = { $message }
# Slack refused a post: the app is not in that channel (or cannot write there).
error-cannot_post = I can't post there ({ $error }): invite me with `/invite @Chatloop`.
# A button whose value is not ours or is damaged (an old message, a client bug).
error-invalid_action = This button no longer works. Run the command again.
error-ab_not_a_test = Campaign #{ $id } is not an A/B test that picks its winner.
error-ab_already_decided = The A/B test of campaign #{ $id } is already decided.
error-ab_not_running = Campaign #{ $id } is { $status }: its test can be decided once it runs.
