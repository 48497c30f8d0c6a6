## Метрики: названия и определения (/metrics, еженедельный дайджест)
metric-subscribers_gained = Новые подписчики
metric-subscribers_gained-definition = Люди, подтвердившие подписку (double opt-in) за период.
metric-subscribers_lost = Отписались
metric-subscribers_lost-definition = Люди, отписавшиеся за период.
metric-blocked = Заблокировали бота
metric-blocked-definition = Люди, заблокировавшие бота за период и не разблокировавшие.
metric-nps = NPS
metric-nps-definition = % промоутеров (9-10) минус % критиков (0-6) среди ответивших на вопрос NPS за период; каждый учитывается один раз, по последнему ответу. Выше 50 отлично, 30-50 хорошо, ниже 30 тревожно, ниже 0 срочно действовать.
metric-nps_responses = Ответы NPS
metric-nps_responses-definition = Люди, ответившие на вопрос NPS за период.
metric-active_customers = Активные клиенты
metric-active_customers-definition = Люди хотя бы с одним оплаченным заказом за период.
metric-revenue = Выручка
metric-revenue-definition = Сумма заказов, оплаченных за период; возвращённые заказы не учитываются.
metric-orders = Заказы
metric-orders-definition = Оплаченные заказы за период (без возвратов).
metric-aov = Средний чек
metric-aov-definition = Выручка / число заказов за период.
metric-purchase_frequency = Заказов на активного клиента
metric-purchase_frequency-definition = Заказы / активные клиенты за период: сколько раз за период покупал активный клиент.
metric-repeat_customer_rate = Доля повторных клиентов
metric-repeat_customer_rate-definition = Доля активных клиентов периода, оплативших к его концу не меньше двух заказов (вернувшиеся, а не новички).
metric-purchases_per_customer_month = Покупок на клиента в месяц
metric-purchases_per_customer_month-definition = Заказы периода / клиенты (все, кто покупал к концу периода) / длина периода в месяцах: частота покупок в подробной формуле LTV (RPR).
metric-retention_rate = Удержание
metric-retention_rate-definition = Доля клиентов, покупавших в предыдущем периоде (той же длины), которые купили снова в этом.
metric-churn_rate = Отток
metric-churn_rate-definition = 100% - удержание: клиенты предыдущего периода, не купившие снова в этом.
metric-average_lifetime = Средний срок жизни
metric-average_lifetime-definition = Среднее время между первым и последним оплаченным заказом клиента, в месяцах по 30,44 дня, по всем, кто покупал к концу периода (по известным сейчас заказам).
metric-arpu = Выручка на клиента в месяц
metric-arpu-definition = Выручка периода / клиенты (все, кто покупал к концу периода) / длина периода в месяцах (ARPU).
metric-ltv = LTV
metric-ltv-definition = Средний срок жизни x выручка на клиента в месяц (LTV = Lifetime x ARPU).
metric-ltv_detailed = LTV, подробно
metric-ltv_detailed-definition = Средний чек x покупок на клиента в месяц x средний срок жизни (LTV = AOV x RPR x Lifetime). По тем же клиентам, что и ARPU, поэтому равен LTV; три множителя показывают, какой рычаг сдвинулся.
metric-cac = CAC
metric-cac-definition = Затраты на привлечение за период (пропорционально, если запись охватывает больше) / привлечённые: люди, впервые подтвердившие подписку за период.
metric-cac-no-spend = затраты не внесены: `/spend ИСТОЧНИК СУММА ПЕРИОД` или `npm run import -- spend.csv`
metric-acquisition_rate = Конверсия привлечения
metric-acquisition_rate-definition = Привлечённые / охваченные: охват, указанный вместе с затратами, иначе люди, открывшие бота из этого источника за период (импортированные и загруженные через API клиенты магазина не были охвачены и не учитываются).
metric-crm_budget = Бюджет персональных коммуникаций (год)
metric-crm_budget-definition = Выручка на клиента в месяц x маржа ({ $margin }) x доля, возвращаемая клиенту ({ $share }) x число клиентов x 12: сколько может стоить год персональных предложений.
# A figure that was zero in the previous period: "▲ new".
change-new = впервые
# A change of a percentage or a score, in points: "▲ +3 pts".
change-points = { $n } п.
unit-months = { $n } мес.
unit-per-month = { $n } в месяц
