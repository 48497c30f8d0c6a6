## Telegram: опросы (сами вопросы — в flows/surveys/*.yaml)
survey-skip = Пропустить
survey-invalid-score = Пожалуйста, пришлите число от { $min } до { $max } или нажмите кнопку.
survey-comment-hint = Пожалуйста, напишите ответ текстом или нажмите «Пропустить».
survey-feedback-hint = Пожалуйста, напишите отзыв текстом.
survey-already-answered = Вы уже ответили на этот вопрос. Спасибо!
survey-closed = Этот опрос уже закрыт. Спасибо!
survey-cooldown = Вы недавно уже отвечали на этот опрос. Спасибо!
survey-cancelled = Хорошо, без проблем.
survey-team-after-hours = Сейчас команда не на связи — ответим, когда она будет на месте: { $when }.
