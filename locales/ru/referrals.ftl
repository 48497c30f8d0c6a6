## Telegram: /invite and referral rewards
command-invite = Пригласить друга
referral-invite =
    Ваша личная ссылка — отправьте её другу:
    { $link }
    { $offer }
referral-share = 📤 Поделиться
referral-invite-button = 🎁 Пригласить друга
referral-not-subscribed = Приглашать друзей могут только подписчики. Сначала подпишитесь: /start.
referral-no-programme = Сейчас у нас нет программы приглашений.
referral-thanks = 🎉 Друг, которого вы пригласили, только что к нам присоединился. Спасибо!
referral-welcome = 🎁 Вы пришли по приглашению друга.
privacy-referrals = • Приглашённые вами друзья: { $invited } (присоединились: { $accepted }); полученные награды: { $rewards }{ $codes }

## Slack: the referral milestone card
slack-referral-milestone-title = 🏆 { $name } привёл(а) { $friends } друзей
slack-referral-milestone-body = По приглашению этого клиента подписались { $friends } человек. Личное спасибо от команды много значит: ответьте в этой ветке, чтобы написать клиенту.

## Segments: referral conditions and built-in segments
seg-referrals = привёл(а) { $cmp } { $value } подписавшихся друзей
seg-referred = пришёл по приглашению друга
seg-referred-by-loyal = пришёл по приглашению лояльного клиента
seg-referrers = Рекомендатели (привели подписавшегося друга)
seg-referred-friends = Приглашённые (пришли по приглашению друга)
segments-group-referrals = Приглашения

## Digest: the referral line, the loyal -> new arrow, inviting promoters
digest-section-referrals = Приглашения
digest-referrals-line = По приглашению пришло друзей: { $accepted } ({ $delta }){ $share ->
    [none] {""}
   *[other] , { $share }% новых подписчиков
  }
digest-flow-referrals = лояльные → новые по приглашению { $count }
digest-signal-invite_promoters = Промоутеры (NPS 9–10)
digest-playbook-invite_promoters-why = Промоутеров больше, а друзей по приглашению — нет: попросите промоутеров привести друга.
digest-playbook-invite_promoters-name = Дайджест: пригласите промоутеров
digest-playbook-invite_promoters-message = { $first_name }, спасибо, что рекомендуете нас! Отправьте /invite, чтобы получить личную ссылку: другу — приветственный подарок, вам — промокод в благодарность.

## Slack: /metrics, the referral section
metrics-referrals-title = Приглашения
metrics-referrals-share = *Новые подписчики по приглашению:* { $referred } из { $total } ({ $share })
metrics-referrals-invitations = *Приглашения:* открыто { $opened }, принято { $accepted }
metrics-referrals-customers = *Приглашённые клиенты:* выручка { $revenue }, конверсия в покупку { $conversion } (из { $customers })
metrics-referrals-k = *K-фактор:* { $k } новых подписчика на рекомендателя (рекомендателей: { $referrers })
metrics-referrals-top = Лучшие рекомендатели
metrics-referrals-top-none = В этом периоде никто не привёл друга.
metrics-referrals-definitions = Приглашение открыто — новый для нас человек открыл ссылку клиента из /invite; принято — подтвердил подписку. Доля = принятые / новые подписчики (подтверждённые подписки за период). Выручка приглашённых — оплаченные заказы приглашённых клиентов за период. Конверсия — приглашённые с оплаченным заказом / все приглашённые (на конец периода). K-фактор = принятые приглашения / клиенты, чьи приглашения приняты в периоде. Подробно: docs/referrals.md.
