## Slack: words understood by /segment, /send and /metrics (core/language)
words-understood-as = Understood as: `{ $form }`
words-corrected = read { $typed } as { $readAs }
words-choose = These words can mean more than one thing. Which did you mean?
words-choice-picked = <@{ $user }> chose `{ $form }`
words-unknown-audience = I don't know { $words } as part of an audience.
words-unknown-question = I don't know { $words } in a question about the figures.
words-did-you-mean = Did you mean { $suggestions }?
words-dangling-audience = I can't tell what { $words } refers to: say what is counted (orders, spent, average order, last order) and over which time, e.g. `spent over 300 in the last 90 days`.
words-dangling-question = I can't tell what { $words } means here: ask for a figure and a period, e.g. `revenue last 30 days`.
words-nothing-audience = Who should it be? Describe the customers, e.g. `loyal customers`, `bought in the last 30 days`, `detractors`.
words-nothing-question = Which figure and which period? E.g. `revenue last week`, `NPS this month`, `november`.
words-no_message = What should it say? Put the message in quotes ("...", «...», “...”) or name a saved template.
words-unquoted_message = I don't know { $words } as part of an audience. If that is the message, put it in quotes ("...", «...», “...”), e.g. `/send winback "-10% on boots this week" tomorrow 10am`.
words-two_messages = I found more than one quoted message ({ $words }). Send one message; an A/B test takes `--ab "text B"`.
words-survey_and_message = A survey campaign sends the survey ({ $words }) and takes no message of its own: leave out the quoted text or the survey.
words-no_time = When should it go out? Add a time, e.g. `tomorrow 10am`, `friday 19:00`, `now`.
words-help-hint = `{ $command } help` shows what you can type.

words-help-segment =
    Describe customers in your own words (English or Russian), or use the exact syntax:
    • `/segment loyal customers who spent over 300 in the last 90 days`
    • `/segment bought at least 3 times in the last year`
    • `/segment abandoned cart in the last 2 days` · `/segment кто не покупал больше полугода`
    • `/segment detractors` · `/segment промоутеры` · `/segment subscribers from instagram_bio`
    Every answer shows the exact form it understood (`lifecycle = loyal and spent > 300 within 90d`).
    Exact: `/segment list`, `/segment show NAME`, `/segment preview RULE`, `/segment save NAME RULE`, `/segment delete NAME`.
words-help-send =
    Audience, message and time in any order (the message in quotes):
    • `/send loyal customers "Thanks for being with us!" tomorrow at 10am`
    • `/send лояльным клиентам «Спасибо, что вы с нами!» завтра в 10:00`
    • `/send at risk customers "We miss you, {"{"}first_name{"}"}" tomorrow 10:00 with a 10% holdout`
    • `/send nps survey to customers who bought last week friday 12:00` · `/send winback template welcome_back tomorrow 11:00`
    Nothing goes out until you press Schedule on the pre-flight card.
words-help-metrics =
    Ask for a figure and a period:
    • `/metrics revenue last week` · `/metrics выручка за прошлую неделю`
    • `/metrics how many orders last month` · `/metrics NPS за этот месяц` · `/metrics средний чек в ноябре`
    • `/metrics november` · `/metrics this quarter` · `/metrics last 30 days` · `/metrics last month by source`
words-help-builtins = *Built-in audiences*: loyal, repeat, new, potential, churned (lifecycle) · champions, at risk, can't lose, hibernating, lost... (RFM) · promoters, passives, detractors (NPS) · subscribed, unsubscribed, blocked.
words-help-figures = *Figures*: revenue, orders, average order value (AOV), NPS, LTV, ARPU, retention, churn, new subscribers, unsubscribes, CAC, acquisition rate.
words-help-names = *In this installation*
words-names-segments = Saved segments: { $names }
words-names-sources = Sources: { $names }
words-names-tags = Tags: { $names }
words-names-events = Events seen: { $names }
words-names-templates = Templates: { $names }
words-names-surveys = Surveys: { $names }
words-names-none = none yet
words-figure = *{ $label }*, { $period }: *{ $value }*{ $change }
words-figure-previous = { $value } in { $period }
words-figure-all = All the figures: `{ $command }`
words-names-fields = Profile fields: { $names }
