## Telegram: qualification flows (the questions themselves live in flows/qualification/*.yaml)
flow-skip = Skip
flow-done = Done ✅
flow-yes = Yes
flow-no = No
flow-skipped = (skipped)
flow-share-phone = 📱 Share my phone number
flow-choose-several = Pick one or more, then tap Done.
flow-choose-at-least = Please pick at least { $min ->
        [one] one option
       *[other] { $min } options
    }.
flow-choose-at-most = You can pick up to { $max } options.
flow-invalid-choice = Please tap one of the buttons under the question.
flow-invalid-multiple = Please tap the options you like, then Done.
flow-invalid-yes-no = Please answer "yes" or "no", or tap a button.
flow-invalid-email = That doesn't look like an e-mail address. Please send it like name@example.com.
flow-invalid-phone = That doesn't look like a phone number. Please send it with the country code, like +44 20 7946 0958, or tap the button below.
flow-foreign-contact = That's someone else's contact. Please share your own number with the button below, or type it.
flow-invalid-number = Please send a number, like 42.
flow-invalid-whole-number = Please send a whole number, like 42.
flow-number-out-of-range = Please send a number from { $min } to { $max }.
flow-number-too-small = Please send a number of at least { $min }.
flow-number-too-large = Please send a number of at most { $max }.
flow-invalid-date = I couldn't read a date there. Try something like "next Friday", "December 20" or "tomorrow at 3 pm".
flow-invalid-text = Please answer in words.
flow-text-too-long = That's a bit long: please keep it under { $max } characters.
flow-date-understood = Noted: { $date }.
flow-phone-saved = Thanks, noted: { $phone }.
flow-stuck = This question seems tricky. You can skip it or ask a person from our team to help.
flow-stuck-skip = Skip this question
flow-stuck-human = 🙋 Talk to a person
flow-human-requested = I've asked a teammate to join. They'll answer you right here in this chat - you can already write what you need.
flow-human-requested-after-hours = I've passed your request to the team. They are off right now and will answer you here from { $when } - you can already write what you need.
flow-human-unavailable = Sorry, nobody from the team can join right now. You can skip the question or try again.
flow-media-hint = I can only read text answers here. Please answer the question above, or send /cancel to stop.
flow-command-hint = We're in the middle of "{ $flow }". Please answer the question above, or send /cancel to stop.
flow-welcome-back = Welcome back! We were in the middle of "{ $flow }". Shall we continue where we left off or start over?
flow-continue = ▶️ Continue
flow-restart = 🔄 Start over
flow-cancelled = Okay, I've stopped "{ $flow }". You can start again any time.
flow-already-answered = You've already answered this question.
flow-not-active = This conversation has ended.
cancel-nothing = There's nothing to cancel right now.
