## Telegram: /invite and referral rewards
command-invite = Invite a friend
referral-invite =
    Here is your personal link - send it to a friend:
    { $link }
    { $offer }
referral-share = 📤 Share
referral-invite-button = 🎁 Invite a friend
referral-not-subscribed = Only subscribers can invite friends. Send /start to subscribe first.
referral-no-programme = We don't run a referral programme at the moment.
referral-thanks = 🎉 A friend you invited has just joined us. Thank you!
referral-welcome = 🎁 You came with a friend's invitation.
privacy-referrals = • Friends you invited: { $invited } (joined: { $accepted }); rewards you got: { $rewards }{ $codes }

## Slack: the referral milestone card
slack-referral-milestone-title = 🏆 { $name } has brought { $friends } friends
slack-referral-milestone-body = { $friends } people subscribed with their invitation link. A personal thank-you from the team goes a long way: reply in this thread to write to them.

## Segments: referral conditions and built-in segments
seg-referrals = brought { $cmp } { $value } friends who subscribed
seg-referred = came by a friend's invitation
seg-referred-by-loyal = came by the invitation of a loyal customer
seg-referrers = Referrers (brought a friend who subscribed)
seg-referred-friends = Referred (came by a friend’s invitation)
segments-group-referrals = Referrals

## Digest: the referral line, the loyal -> new arrow, inviting promoters
digest-section-referrals = Referrals
digest-referrals-line = { $accepted } friends joined by invitation ({ $delta }){ $share ->
    [none] {""}
   *[other] , { $share }% of new subscribers
  }
digest-flow-referrals = loyal → new by invitation { $count }
digest-signal-invite_promoters = Promoters (NPS 9-10)
digest-playbook-invite_promoters-why = More promoters, but no more friends joining by invitation: ask the promoters to bring a friend.
digest-playbook-invite_promoters-name = Digest: invite the promoters
digest-playbook-invite_promoters-message = { $first_name }, thank you for recommending us! Send /invite to get your personal link: your friend gets a welcome gift and you get a thank-you code.

## Slack: /metrics, the referral section
metrics-referrals-title = Referrals
metrics-referrals-share = *New subscribers by invitation:* { $referred } of { $total } ({ $share })
metrics-referrals-invitations = *Invitations:* { $opened } opened, { $accepted } accepted
metrics-referrals-customers = *Referred customers:* revenue { $revenue }, conversion to a purchase { $conversion } (of { $customers })
metrics-referrals-k = *K-factor:* { $k } new subscribers per referrer ({ $referrers } referrers)
metrics-referrals-top = Top referrers
metrics-referrals-top-none = Nobody brought a friend in this period.
metrics-referrals-definitions = Invitation opened = a person new to us opened a customer's /invite link; accepted = they confirmed the subscription. Share = accepted / new subscribers (confirmed subscriptions in the period). Referred revenue = paid orders of referred customers in the period. Conversion = referred customers with a paid order / all referred customers (by the end of the period). K-factor = accepted invitations / customers whose invitations were accepted in the period. Details: docs/referrals.md.
