## Slack: the campaign and segment modals (/send alone, New campaign, New segment)
send-modal-opened = The campaign form is open. Prefer typing? Everything it asks for fits on one line:
home-new-campaign = New campaign
home-new-segment = New segment
segments-save-as = Save as a segment
modal-campaign-title = New campaign
modal-campaign-submit = Check
modal-segment-title = New segment
modal-segment-submit = Save
modal-cancel = Cancel
modal-close = Close
modal-audience = Audience
modal-audience-placeholder = loyal customers who spent over 300 in the last 90 days
modal-audience-hint = A segment's name, a rule (lifecycle = loyal and spent_90d > 300) or words; press Enter to see who it is and how many. Segments: { $names }
modal-audience-hint-short = A segment's name, a rule (lifecycle = loyal and spent_90d > 300) or words; press Enter to see who it is and how many.
modal-audience-note = Type the audience and press Enter: its size shows here.
modal-audience-understood = Understood as: `{ $form }` ({ $words }) · *{ $size }* people
modal-audience-choice = These words can mean several audiences; type one of them: { $forms }
modal-message = Message
modal-message-placeholder = Hi {"{"}first_name{"}"}, we miss you: -20% with BACK20
modal-message-hint = Placeholders: { $placeholders }. Leave it empty for a survey or a flow.
modal-message-preview = Preview { $variant }: { $text }
modal-date = Date
modal-date-hint = Empty: today. A date without a time goes out at 10:00.
modal-time = Time ({ $timezone })
modal-time-hint = Both empty: now. The team's timezone; each customer's own needs `/send ... --local-time`.
modal-holdout = Holdout (%)
modal-holdout-hint = The share kept out as the control group, 0-50. Empty: none.
modal-ab = A/B: variant B's text
modal-ab-hint = Optional: half the audience gets this text instead.
modal-content = Survey or flow instead of a message
modal-content-hint = Optional. Leave the message empty when you choose one.
modal-content-none = None: a message
modal-content-survey = Survey: { $id }
modal-content-flow = Flow: { $id }
modal-segment-name = Name
modal-segment-name-hint = 1-64 of a-z 0-9 _ -, starting with a letter or digit; /send and /segment show take it.
modal-segment-rule = Who is in it
modal-segment-rule-hint = Words or a rule (lifecycle = loyal and spent_90d > 300); press Enter to see how it is read and how many.
modal-error-audience-empty = Say who should get it: a segment's name, a rule or words.
modal-error-message-empty = Write the message, or choose a survey or a flow below.
modal-error-message-and-content = A survey or a flow sends its own questions: leave the message empty, or choose none.
modal-error-placeholder = Unknown placeholder; use { $placeholders }.
modal-error-ab-needs-message = Variant B needs a message A to compete with.
modal-error-holdout = The holdout is a whole number from 0 to 50.
modal-error-past = { $when } is in the past: pick a later date or time, or leave both empty to send now.
