## Slack: /segment list, show, preview, save, delete
segments-usage = Использование: `/segment list`, `/segment show ИМЯ`, `/segment preview ТЕКСТ`, `/segment save ИМЯ ТЕКСТ`, `/segment delete ИМЯ`. Пример: `/segment preview lifecycle = loyal and spent_90d > 5000`
segments-group-consent = Согласие
segments-group-lifecycle = Воронка лояльности
segments-group-rfm = RFM-классы
segments-group-nps = Группы NPS
segments-group-saved = Сохранённые сегменты
segments-list-hint = Имя в `коде` - то, что принимают `/segment show` и `/send`, например `/segment show rfm:at_risk`.
segments-none-saved = Пока нет: `/segment save ИМЯ ТЕКСТ`.
segments-change = { $change ->
    [0] без изменений за неделю
   *[other] { $sign }{ $change } за неделю
  }
segments-size = *{ $size }* клиентов, { $share } базы ({ $base })
segments-definition = Определение
segments-text = Текстовая форма
segments-breakdown-lifecycle = По стадиям жизненного цикла
segments-breakdown-rfm = По RFM-классам
segments-breakdown-source = По источникам
segments-breakdown-language = По языкам
segments-sample = Примеры
segments-preview-title = Предпросмотр
segments-saved = Сегмент *{ $name }* сохранён: { $size } клиентов.
segments-deleted = Сегмент *{ $name }* удалён.
segments-rfm-stale = RFM-классы на { $at }.
