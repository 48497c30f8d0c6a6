## Metrics: names and definitions (/metrics, the weekly digest)
metric-subscribers_gained = New subscribers
metric-subscribers_gained-definition = People who confirmed their subscription (double opt-in) during the period.
metric-subscribers_lost = Unsubscribed
metric-subscribers_lost-definition = People who unsubscribed during the period.
metric-blocked = Blocked the bot
metric-blocked-definition = People who blocked the bot during the period and still block it.
metric-nps = NPS
metric-nps-definition = % promoters (9-10) minus % detractors (0-6) among the people who answered the NPS question during the period, each counted once with their latest answer. Above 50 excellent, 30-50 good, below 30 a warning, below 0 act now.
metric-nps_responses = NPS answers
metric-nps_responses-definition = People who answered the NPS question during the period.
metric-active_customers = Active customers
metric-active_customers-definition = People with at least one paid order during the period.
metric-revenue = Revenue
metric-revenue-definition = Sum of the orders paid during the period; refunded orders are excluded.
metric-orders = Orders
metric-orders-definition = Paid orders during the period (refunded ones excluded).
metric-aov = Average order value
metric-aov-definition = Revenue / orders of the period.
metric-purchase_frequency = Orders per active customer
metric-purchase_frequency-definition = Orders / active customers of the period: how many times an active customer bought in it.
metric-repeat_customer_rate = Repeat customer rate
metric-repeat_customer_rate-definition = Share of the period's active customers who have paid at least two orders so far (a returning customer, not a first-timer).
metric-purchases_per_customer_month = Purchases per customer per month
metric-purchases_per_customer_month-definition = The period's orders / customers (everyone who had bought by the period's end) / the period's length in months: the purchase frequency of LTV's detailed form (RPR).
metric-retention_rate = Retention
metric-retention_rate-definition = Share of the customers who bought in the previous period (same length) who bought again in this one.
metric-churn_rate = Churn
metric-churn_rate-definition = 100% - retention: the previous period's customers who did not buy again in this one.
metric-average_lifetime = Average lifetime
metric-average_lifetime-definition = Average time between a customer's first and last paid order, in months of 30.44 days, over everyone who had bought by the period's end (orders as known now).
metric-arpu = Revenue per customer per month
metric-arpu-definition = The period's revenue / customers (everyone who had bought by the period's end) / the period's length in months (ARPU).
metric-ltv = LTV
metric-ltv-definition = Average lifetime x revenue per customer per month (LTV = Lifetime x ARPU).
metric-ltv_detailed = LTV, detailed
metric-ltv_detailed-definition = Average order value x purchases per customer per month x average lifetime (LTV = AOV x RPR x Lifetime). On the same customers as ARPU, so it equals LTV; the three factors show which lever moved.
metric-cac = CAC
metric-cac-definition = Acquisition spend entered for the period (pro rata when an entry spans more) / people acquired: those whose first confirmed subscription fell in the period.
metric-cac-no-spend = no spend entered: `/spend SOURCE AMOUNT PERIOD` or `npm run import -- spend.csv`
metric-acquisition_rate = Acquisition rate
metric-acquisition_rate-definition = People acquired / people contacted: the reach entered with the spend, or else the people who opened the bot from that source during the period (imported or ingested shop prospects were not contacted and do not count).
metric-crm_budget = Personal CRM budget (year)
metric-crm_budget-definition = Revenue per customer per month x margin ({ $margin }) x share returned to the customer ({ $share }) x number of customers x 12: what a year of personal offers may cost.
# A figure that was zero in the previous period: "▲ new".
change-new = new
# A change of a percentage or a score, in points: "▲ +3 pts".
change-points = { $n } pts
unit-months = { $n } months
unit-per-month = { $n } / month
