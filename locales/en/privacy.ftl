## Telegram: /mydata and /forget
command-mydata = See the data we keep about you
command-forget = Erase your data
privacy-nothing = We don't keep anything about you.
privacy-summary =
    Here is what we keep about you:
    • Name: { $name }
    • Language: { $language }
    • Came from: { $source }
    • Consent: { $consent }
    • Orders: { $orders } (total { $total })
    • Answers to our questions and surveys: { $answers }
    • Messages we sent you: { $messages }{ $referrals }
    The attached file has all of it. To erase your data, send /forget.
privacy-unknown = not known
privacy-consent-subscribed-since = subscribed since { $since }
privacy-consent-subscribed = subscribed
privacy-consent-pending = asked, not confirmed yet
privacy-consent-declined = declined
privacy-consent-unsubscribed = withdrawn (you unsubscribed)
privacy-consent-none = never given
privacy-file-caption = Your data at { $brand }
privacy-forget-confirm = Erase your personal data? We will delete your name, contacts, profile, answers and comments, and we will no longer be able to write to you. This cannot be undone.
privacy-forget-yes = Yes, erase my data
privacy-forget-no = No, keep it
privacy-forget-kept = Nothing was erased.
privacy-forgotten =
    Your personal data is erased: name, username, contacts, profile, answers, comments and our chat history with you.
    What we kept, without anything that identifies you: order amounts, dates and product codes (item names blanked), survey scores and how many friends you invited (so our statistics stay correct), and the record that you agreed to our messages and withdrew (the law asks us to be able to show it).
    We will not write to you again. If you send /start, you begin as a new subscriber.

## Slack: /customer (admins)
customer-usage = Usage: `/customer show QUERY`, `/customer export QUERY`, `/customer erase QUERY` - QUERY is #id, a Telegram id, @username, an e-mail, a phone or a name; `/customer QUERY` alone shows. Example: `/customer export ann@example.com`
customer-card = *Customer #{ $id }* - { $name }
    Telegram: { $telegram } - e-mail: { $email } - phone: { $phone }
    Language: { $language } - source: { $source } - consent: { $consent }
    Orders: { $orders } (total { $total }) - stage: { $stage }
customer-erased-card = *Customer #{ $id }* was erased on { $when }.
customer-exported = The data of customer #{ $id } is in a file I sent you in a direct message.
customer-export-title = Customer #{ $id } data export
customer-erase-confirm = Erase the personal data of customer #{ $id } ({ $name })? Names, contacts, profile, answers and comments are deleted; order amounts, scores and the consent history stay, anonymous. This cannot be undone.
customer-erase-button = Erase
customer-erased = Customer #{ $id }'s personal data is erased (by <@{ $user }>).
