## Telegram: surveys (the questions themselves live in flows/surveys/*.yaml)
survey-skip = Skip
survey-invalid-score = Please send a number from { $min } to { $max }, or tap a button.
survey-comment-hint = Please write your answer in text, or tap Skip.
survey-feedback-hint = Please write your feedback in text.
survey-already-answered = You've already answered this question. Thank you!
survey-closed = This survey is closed. Thank you!
survey-cooldown = You've already answered this survey recently. Thank you!
survey-cancelled = Okay, no problem.
survey-team-after-hours = Our team is off right now; someone will get back to you from { $when }.
